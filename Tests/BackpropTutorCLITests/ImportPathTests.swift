import Foundation
import Testing

@testable import BackpropTutorCLI

/// How `import -o` names a data file relative to the lesson it writes.
@Suite("import paths")
struct ImportPathTests {
    @Test(
        "relative paths from the lesson's folder to the data file",
        arguments: [
            ("data/x.csv", "data", "x.csv"), ("data/x.csv", ".", "data/x.csv"), ("x.csv", "out", "../x.csv"),
            ("a/b/x.mat", "a/c/d", "../../b/x.mat"), ("/abs/x.csv", "out", "/abs/x.csv"),
            ("./data/../x.csv", "out/", "../x.csv"),
        ])
    func relative(_ target: String, _ folder: String, _ expected: String) {
        #expect(ImportCommand.relativePath(of: target, from: folder) == expected)
    }

    @Test("the folder of an output path")
    func folder() {
        #expect(OutputFile.directory(of: "out/l.json") == "out")
        #expect(OutputFile.directory(of: "l.json") == ".")
        #expect(OutputFile.directory(of: "/l.json") == "/")
        #expect(OutputFile.directory(of: "1") == ".")
    }
}
