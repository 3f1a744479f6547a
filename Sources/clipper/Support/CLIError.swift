/// A command-line failure with a message that says what to do. Printed without a stack of context.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
