import ThaiCharacters
/// Glyphs made of Thai combining marks only (see ThaiCharacters' `ThaiMark`): they sit above or
/// below a base letter and belong to it, whatever gap the text layer puts before them.
enum ThaiMarks {
    /// True when every scalar of `text` is a Thai combining mark (and there is at least one).
    static func isAllMarks(_ text: String) -> Bool {
        var any = false
        for s in text.unicodeScalars {
            if !ThaiMark.isCombining(s) { return false }
            any = true
        }
        return any
    }
}
