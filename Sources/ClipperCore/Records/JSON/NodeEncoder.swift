/// The `Encoder` behind ``RecordJSONEncoder``: each container writes into a ``Node``. Coding paths are not
/// tracked (records never need them: encoding a record cannot fail except on a non-finite number).
struct NodeEncoder: Encoder {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.value {} else { node.value = .object([]) }
        return KeyedEncodingContainer(NodeKeyedContainer<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.value {} else { node.value = .array([]) }
        return NodeUnkeyedContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        NodeSingleValueContainer(node: node)
    }

    /// The node for `value`: scalars directly, anything else through its own `encode(to:)`.
    static func node<T: Encodable>(for value: T) throws -> Node {
        switch value {
        case let text as String: return Node(.string(text))
        case let number as Int: return Node(.number(String(number)))
        case let number as Double: return Node(.number(try JSONNumber.format(number)))
        case let flag as Bool: return Node(.bool(flag))
        default:
            let child = Node()
            try value.encode(to: NodeEncoder(node: child))
            return child
        }
    }
}

struct NodeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { node.set(key.stringValue, Node(.null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.set(key.stringValue, Node(.bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.set(key.stringValue, Node(.string(value))) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        node.set(key.stringValue, Node(.number(try JSONNumber.format(value))))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        node.set(key.stringValue, Node(.number(try JSONNumber.format(value))))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { setInteger(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.set(key.stringValue, try NodeEncoder.node(for: value))
    }

    private func setInteger<T: BinaryInteger>(_ value: T, _ key: Key) {
        node.set(key.stringValue, Node(.number(String(value))))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = Node(.object([]))
        node.set(key.stringValue, child)
        return KeyedEncodingContainer(NodeKeyedContainer<NestedKey>(node: child))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Node(.array([]))
        node.set(key.stringValue, child)
        return NodeUnkeyedContainer(node: child)
    }

    mutating func superEncoder() -> any Encoder {
        let child = Node()
        node.set("super", child)
        return NodeEncoder(node: child)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = Node()
        node.set(key.stringValue, child)
        return NodeEncoder(node: child)
    }
}

struct NodeUnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.count }

    mutating func encodeNil() throws { node.append(Node(.null)) }
    mutating func encode(_ value: Bool) throws { node.append(Node(.bool(value))) }
    mutating func encode(_ value: String) throws { node.append(Node(.string(value))) }
    mutating func encode(_ value: Double) throws { node.append(Node(.number(try JSONNumber.format(value)))) }
    mutating func encode(_ value: Float) throws { node.append(Node(.number(try JSONNumber.format(value)))) }
    mutating func encode(_ value: Int) throws { node.append(Node(.number(String(value)))) }
    mutating func encode(_ value: Int8) throws { node.append(Node(.number(String(value)))) }
    mutating func encode(_ value: Int16) throws { node.append(Node(.number(String(value)))) }
    mutating func encode(_ value: Int32) throws { node.append(Node(.number(String(value)))) }
    mutating func encode(_ value: Int64) throws { node.append(Node(.number(String(value)))) }
    mutating func encode(_ value: UInt) throws { node.append(Node(.number(String(value)))) }
    mutating func encode(_ value: UInt8) throws { node.append(Node(.number(String(value)))) }
    mutating func encode(_ value: UInt16) throws { node.append(Node(.number(String(value)))) }
    mutating func encode(_ value: UInt32) throws { node.append(Node(.number(String(value)))) }
    mutating func encode(_ value: UInt64) throws { node.append(Node(.number(String(value)))) }
    mutating func encode<T: Encodable>(_ value: T) throws { node.append(try NodeEncoder.node(for: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let child = Node(.object([]))
        node.append(child)
        return KeyedEncodingContainer(NodeKeyedContainer<NestedKey>(node: child))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Node(.array([]))
        node.append(child)
        return NodeUnkeyedContainer(node: child)
    }

    mutating func superEncoder() -> any Encoder {
        let child = Node()
        node.append(child)
        return NodeEncoder(node: child)
    }
}

struct NodeSingleValueContainer: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { node.value = .null }
    mutating func encode(_ value: Bool) throws { node.value = .bool(value) }
    mutating func encode(_ value: String) throws { node.value = .string(value) }
    mutating func encode(_ value: Double) throws { node.value = .number(try JSONNumber.format(value)) }
    mutating func encode(_ value: Float) throws { node.value = .number(try JSONNumber.format(value)) }
    mutating func encode(_ value: Int) throws { node.value = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { node.value = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { node.value = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { node.value = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { node.value = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { node.value = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { node.value = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { node.value = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { node.value = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { node.value = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = try NodeEncoder.node(for: value)
        node.value = child.value
    }
}
