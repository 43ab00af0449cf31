import BackpropTutorCLI
import Foundation

exit(BackpropTutor.run(Array(CommandLine.arguments.dropFirst())))
