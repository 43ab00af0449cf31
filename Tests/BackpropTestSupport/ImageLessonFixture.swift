/// A tiny lesson whose inputs are a 3 × 3 image: a plus sign (sample 1) and a cross with grey
/// pixels (sample 2). For the `image` field, step 3's picture and the demo.
public enum ImageLessonFixture {
    /// The lesson file's text.
    public static let json = """
        {"title": "A 3×3 plus sign", "layers": [9, 2], "activation": "sigmoid",
         "image": {"width": 3, "height": 3},
         "init": {"method": "uniform", "epsilon": 0.12, "seed": 7},
         "classes": ["plus", "cross"],
         "samples": [{"x": [0, 1, 0, 1, 1, 1, 0, 1, 0], "y": [1, 0]},
                     {"x": [1, 0, 1, 0, 0.5, 0, 1, 0, 0.25], "y": [0, 1]}]}
        """

    /// Sample 1 as step 3 draws it: two characters per pixel, full ink for 1, none for 0.
    public static let plusPicture = [
        "┌──────┐",
        "│  ██  │",
        "│██████│",
        "│  ██  │",
        "└──────┘",
    ]

    /// Sample 2: 0.5 is the middle shade ▒, 0.25 the light one ░.
    public static let crossPicture = [
        "┌──────┐",
        "│██  ██│",
        "│  ▒▒  │",
        "│██  ░░│",
        "└──────┘",
    ]
}
