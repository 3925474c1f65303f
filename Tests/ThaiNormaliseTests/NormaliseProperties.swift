import Testing
import PropertyBased
@testable import ThaiNormalise

/// Property tests over generated Thai-like text: pieces of real words, broken forms (PUA glyphs,
/// split SARA AM, stray spaces, doubled marks), digits of both kinds, Latin and punctuation.
@Suite struct NormaliseProperties {
    static let pieces: [String] = [
        "การ", "ประเมิน", "คุณธรรม", "ความโปร่งใส", "ที่", "น้ำ", "คำ", "เปิดเผย", "ช่องทาง", "ประซาสัมพันธ์", "เปีดเผย",
        "ถ ึง", "ค าน า", "อําเภอ", "นำ้", "เเละ", "ที่่", "ก่ี", "เปิ ดเผย", "ชี ้", " ", " ", "\n", "\t",
        "\u{F70A}", "\u{F701}", "\u{F700}", "\u{F711}", "\u{F884}", "\u{200B}", "\u{00AD}", "\u{FEFF}", "\u{0E4D}", "\u{0E32}",
        "\u{0E48}", "\u{0E34}", "\u{0E31}", "\u{0E33}", "๒๕๖๖", "93.57", "๙๓.๕๗", "๑๐๐", "2568", "๒๕๖8", "i๒๔", "o๗", "๐๑๑",
        "ITA", "IIT", "e", "\u{0301}", "(", ")", ".", "-", "ๆ", "ฯ", "ก", "ข", "ซ", "เ", "แ", "า",
    ]
    static let thaiLike = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...24).map { idx in
        idx.map { NormaliseProperties.pieces[$0] }.joined()
    }
    /// Latin text (U+0020-U+02FF) without the soft hyphen, which the brief removes everywhere.
    static let nonThai = Gen.int(in: 0x20...0x2FF).array(of: 0...40).map { vals in
        String(String.UnicodeScalarView(vals.filter { $0 != 0xAD }.compactMap { Unicode.Scalar(UInt32($0)) }))
    }

    let n = Fixture.normaliser

    @Test func normalisingTwiceEqualsNormalisingOnce() async {
        await propertyCheck(count: 400, input: Self.thaiLike) { s in
            let once = n.normalise(s).text
            #expect(n.normalise(once).text.unicodeScalars.elementsEqual(once.unicodeScalars), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func outputIsNFC() async {
        await propertyCheck(count: 400, input: Self.thaiLike) { s in
            let out = n.normalise(s).text
            let nfc = String(decoding: ICU.nfc(Array(out.utf16)), as: UTF16.self)
            #expect(out.unicodeScalars.elementsEqual(nfc.unicodeScalars))
        }
    }

    @Test func numbersKeepTheirValue() async {
        // Every digit sequence of the input comes out with the same digits (prose keeps digits
        // as printed), and with numeric conversion the same values in ASCII.
        await propertyCheck(count: 400, input: Self.thaiLike) { s in
            let digits = s.unicodeScalars.filter { ThaiNumber.digitValue($0) != nil }
            let out = n.normalise(s)
            #expect(Array(out.text.unicodeScalars.filter { ThaiNumber.digitValue($0) != nil }) == Array(digits))
            let numeric = n.normalise(s, numeric: true).text
            #expect(numeric.unicodeScalars.filter { ThaiNumber.digitValue($0) != nil }.map { ThaiNumber.digitValue($0)! }
                    == digits.map { ThaiNumber.digitValue($0)! })
            #expect(!numeric.unicodeScalars.contains { ThaiScript.isThaiDigit($0.value) })
        }
    }

    @Test func scoresKeepTheirValue() async {
        let digit = Gen.int(in: 0...19).map { d -> String in
            String(Unicode.Scalar(UInt32(d < 10 ? 0x30 + d : 0x0E50 + d - 10))!)
        }
        let score = digit.array(of: 1...3).map { $0.joined() }
        await propertyCheck(count: 300, input: score, digit.array(of: 0...2).map { $0.joined() }) { whole, frac in
            let token = frac.isEmpty ? whole : whole + "." + frac
            let ascii = ThaiNumber.score(token)
            // A leading zero before another integer digit ("05.5", "00") is a misread, never a score.
            let digits = ThaiNumber.asciiDigits(token)
            let leadingZero = whole.count > 1 && digits.hasPrefix("0")
            #expect(ascii == (leadingZero ? nil : digits))
            if frac.isEmpty { #expect(ThaiNumber.integer(token).map(String.init) == String(Int(ThaiNumber.asciiDigits(token))!)) }
        }
    }

    @Test func nonThaiTextPassesThroughUnchanged() async {
        await propertyCheck(count: 400, input: Self.nonThai) { s in
            // Generated text below U+0300 holds no combining marks, so it is NFC already.
            let r = n.normalise(s)
            #expect(r.text.unicodeScalars.elementsEqual(s.unicodeScalars))
            #expect(r.changes.isEmpty)
        }
    }

    @Test func changesPointAtTheirTextInTheInput() async {
        // Changes of the first passes (zero-width, PUA) name input text at their offsets.
        await propertyCheck(count: 300, input: Self.thaiLike) { s in
            let scalars = Array(s.unicodeScalars)
            for c in n.normalise(s).changes where c.kind == "zero_width" || c.kind == "pua" {
                let end = c.offset + c.before.unicodeScalars.count
                #expect(end <= scalars.count)
                if end <= scalars.count {
                    #expect(String(String.UnicodeScalarView(scalars[c.offset..<end])).unicodeScalars.elementsEqual(c.before.unicodeScalars))
                }
            }
        }
    }
}
