import Foundation

/// The values a tuning setting may take, and its unit (`LayoutSettings.ranges`,
/// `InterpretSettings.ranges`): a `--settings` file giving a value outside it stops the run, naming
/// the key, the value and this range. Why: a negative count traps where it becomes an `Int`, a
/// share above 1 or a negative distance means nothing, and a silent clamp would hide the mistake.
public struct SettingRange: Sendable, Equatable, CustomStringConvertible {
    public let bounds: ClosedRange<Double>
    /// What the number is, as a message names it ("a fraction", "points").
    public let unit: String
    /// Only whole numbers: a count the readers make an `Int` of would silently drop a fraction
    /// (2.5 lines read as 2), and the changed value would still change the run's cache key.
    public let whole: Bool

    public init(_ bounds: ClosedRange<Double>, _ unit: String, whole: Bool = false) {
        self.bounds = bounds
        self.unit = unit
        self.whole = whole
    }

    public func contains(_ value: Double) -> Bool {
        value.isFinite && bounds.contains(value) && (!whole || value == value.rounded())
    }

    public var description: String { "\(Self.shown(bounds.lowerBound))...\(Self.shown(bounds.upperBound)) (\(unit))" }

    /// A whole number without its ".0", as a settings file would write it.
    public static func shown(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    /// A share, a coverage, a quantile, a similarity: 0 to 1.
    public static let fraction = SettingRange(0...1, "a fraction")
    /// A count of lines, rows, characters, columns: never negative; at most 10,000 so that the
    /// readers' conversion to a whole number cannot overflow (no page holds more).
    public static let count = SettingRange(0...10_000, "a whole count", whole: true)
    /// A count that divides (`streamLinesPerGapCrossing`: lines per allowed gap crossing): at
    /// least 1, since 0 would divide by zero and trap in every document.
    public static let divisorCount = SettingRange(1...10_000, "a whole count of at least 1", whole: true)
    /// How many other values a judgement rests on (`ocrLostDigitMinPeers`): at least 1, since with
    /// none a rule over "every other value" holds vacuously and would judge every value.
    public static let peerCount = SettingRange(1...10_000, "a whole count of at least 1", whole: true)
    /// A count of repetitions that tells a kind apart (`runningMinPages`, `contentsListMinEntries`):
    /// at least 2, since one occurrence repeats nothing (1 would set apart every margin line, or
    /// drop every one-indicator group with a whole-number score).
    public static let repetitionCount = SettingRange(2...10_000, "a whole count of at least 2", whole: true)
    /// A length or slack in points: never negative (a slack below zero would turn a tolerance into
    /// a demand); at most 10,000, several pages' height.
    public static let points = SettingRange(0...10_000, "points")
    /// A multiple of a size (of the em, a line's height or pitch, a median gap) or a ratio: never
    /// negative; at most 1,000.
    public static let multiple = SettingRange(0...1_000, "a multiple")
}
