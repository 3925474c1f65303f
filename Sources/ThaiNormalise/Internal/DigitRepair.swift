import ITAModel
import ThaiCharacters
/// Conversion of Thai digits to ASCII for numeric fields.
enum DigitRepair {
    static func ascii(_ b: ScalarBuffer, _ changes: inout [TextChange]) -> ScalarBuffer? {
        guard b.scalars.contains(where: { ThaiScript.isThaiDigit($0.value) }) else { return nil }
        var w = Rewriter(b, changes: changes)
        var i = 0
        while i < b.count {
            if ThaiScript.isThaiDigit(b.value(i)) {
                var j = i
                while j < b.count && ThaiScript.isThaiDigit(b.value(j)) { j += 1 }
                let ascii = b.scalars[i..<j].map { Unicode.Scalar($0.value - 0x0E50 + 0x30)! }
                w.replace(i..<j, with: ascii, kind: "digits")
                i = j
            } else { w.keep(i); i += 1 }
        }
        changes = w.changes
        return w.out
    }
}
