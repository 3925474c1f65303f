import Foundation

/// One section of a `--settings` file (`{"layout": {"columnGapEm": 1.2}}`): its values by key, each
/// checked against the setting's declared `SettingRange` before any stage sees it.
public enum SettingsSection {
    /// Why a section cannot be used: the message names the key, the value and the range.
    public struct Invalid: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The numbers of `section` in the settings file `data`, each within `ranges[key]`. No section:
    /// no values. An unknown key, a value that is not a number (a string, true/false, null, a list)
    /// or a number outside its range throws `Invalid`.
    public static func values(of section: String, in data: Data, ranges: [String: SettingRange]) throws -> [String: Double] {
        let top: [String: Section]
        // Syntax first, so that the message says why the parser refused the file (`1e999` is JSON
        // syntax but no Double); then the shape.
        do { _ = try JSONSerialization.jsonObject(with: data) } catch {
            throw Invalid(message: "not readable as JSON (\(reason(error)))")
        }
        do { top = try JSONDecoder().decode([String: Section].self, from: data) } catch {
            throw Invalid(message: "not a JSON object of sections")
        }
        guard let found = top[section] else { return [:] }
        guard case let .settings(values) = found else {
            throw Invalid(message: "section '\(section)' must be an object of settings")
        }
        var out: [String: Double] = [:]
        for key in values.keys.sorted() {
            guard let range = ranges[key] else {
                throw Invalid(message: "unknown \(section) setting '\(key)' (known: \(ranges.keys.sorted().joined(separator: ", ")))")
            }
            guard case let .number(v) = values[key]! else {
                throw Invalid(message: "\(section) setting '\(key)' must be a number in \(range), not \(values[key]!)")
            }
            guard range.contains(v) else {
                throw Invalid(message: "\(section) setting '\(key)' = \(SettingRange.shown(v)) is outside its range \(range)")
            }
            out[key] = v
        }
        return out
    }

    /// The parser's own words for why `data` was refused (Foundation's `localizedDescription` is a
    /// generic "could not be read"; the underlying error names the offending value or position).
    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let debug = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return debug }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error { return reason(underlying) }
        if case let DecodingError.dataCorrupted(context) = error {
            return context.underlyingError.map(reason) ?? context.debugDescription
        }
        return "\(error)"
    }

    /// A section: an object of scalars, or anything else.
    private enum Section: Decodable {
        case settings([String: Scalar])
        case other
        init(from decoder: Decoder) throws {
            if let values = try? decoder.singleValueContainer().decode([String: Scalar].self) { self = .settings(values) } else { self = .other }
        }
    }

    /// A setting's JSON value, told apart so that the message can show what was given.
    private enum Scalar: Decodable, CustomStringConvertible {
        case number(Double), bool(Bool), string(String), null, other
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let d = try? c.decode(Double.self) { self = .number(d) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else { self = .other }
        }
        var description: String {
            switch self {
            case .number(let d): return SettingRange.shown(d)
            case .bool(let b): return String(b)
            case .string(let s): return "\"\(s)\""
            case .null: return "null"
            case .other: return "a list or an object"
            }
        }
    }
}
