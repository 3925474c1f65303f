import ITAModel

/// Which question-code framework a document's printed codes follow (Mappings/ita/year-evidence.json
/// `frameworks`): evidence of its assessment year for `YearVote`, since a framework belongs to only
/// some years. Codes are read without their scores (quoted codes count too: they are the same
/// framework's).
enum FrameworkEvidence {
    /// The framework the codes show, with the page of the first code; nil when they show none.
    /// A code that only one framework's catalogue lists shows that framework; otherwise one whose
    /// catalogue lists every code and whose last code of each of its tools is the document's last
    /// code of that tool (the document prints every tool complete up to its end), with at least
    /// `frameworkMinimumShare` of the catalogue's codes printed.
    static func framework(of reader: DocumentReader) -> (framework: YearEvidenceVocabulary.Framework, page: Int)? {
        guard let e = reader.yearEvidence else { return nil }
        var codes = Set<String>()
        var firstPage: Int?
        for (page, lines) in reader.cellPiecesByPage {
            for line in lines {
                for seg in line.segments {
                    let code = QuestionTokens.codePrefix(seg.text, reader.questionTable.codeLetters)?.code
                        ?? QuestionTokens.leadingScore(seg.text).flatMap { QuestionTokens.codePrefix($0.rest, reader.questionTable.codeLetters)?.code }
                    if let code, codes.insert(code).inserted, firstPage == nil { firstPage = page }
                }
            }
        }
        guard let page = firstPage else { return nil }
        let fitting = e.frameworks.filter { f in
            let cat = reader.ita.catalogue(f.catalogue)
            return codes.allSatisfy { cat[$0] != nil }
        }
        if fitting.count == 1 { return (fitting[0], page) }
        let mine = lastCodes(codes)
        let complete = fitting.filter { f in
            let cat = reader.ita.catalogue(f.catalogue)
            return lastCodes(Set(cat.keys)) == mine
                && Double(codes.count) >= e.frameworkMinimumShare.value * Double(cat.count)
        }
        return complete.count == 1 ? (complete[0], page) : nil
    }

    /// The last code number of each tool letter.
    private static func lastCodes(_ codes: Set<String>) -> [Character: Int] {
        var out: [Character: Int] = [:]
        for c in codes { if let l = c.first { out[l] = max(out[l] ?? 0, QuestionReader.codeNumber(c)) } }
        return out
    }
}
