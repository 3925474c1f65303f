import Foundation
import ITAModel

/// Reads per-question scores (i1..., e1..., o1...) from the document's line segments by geometry,
/// so it works with or without detected tables: a cell starting with a question code is a
/// question; its score is the nearest score cell to the right of the question's text inside the
/// question's row (first line or vertically centred), before the next code column. Under a
/// multi-year header ("คะแนนปี ๒๕๖๖ | คะแนนปี ๒๕๖๗ | เพิ่มขึ้น/ลดลง") each year column gives that
/// year's score and change columns are left out. Text cut by a page break is joined back.
enum QuestionReader {
    /// One row per (year, code) (the first printing), ordered by year, tool and number.
    static func read(from reader: DocumentReader) -> [QuestionScore] {
        struct Key: Hashable { var year: Int?; var code: String }
        var seen = Set<Key>()
        var out: [QuestionScore] = []
        for q in allPrintings(from: reader) where !seen.contains(Key(year: q.year, code: q.code)) {
            seen.insert(Key(year: q.year, code: q.code))
            out.append(q)
        }
        return out.sorted {
            ($0.year ?? Int.max, $0.tool, codeNumber($0.code)) < ($1.year ?? Int.max, $1.tool, codeNumber($1.code))
        }
    }

    /// Every printing of every question score, in document order (a report may print the same
    /// question in several sections). For cross-checks: two printings of one (year, code) with
    /// different scores are a conflict (`read` keeps the first). Single-score tables carry the
    /// assessment year, read by `ReportFieldsReader` (nil when the document does not say).
    static func allPrintings(from reader: DocumentReader) -> [QuestionScore] {
        if let done = reader.memo.printings { return done }
        let (out, unscored) = allPrintingsUncached(from: reader)
        reader.memo.printings = out
        reader.memo.unscoredCodes = unscored
        return out
    }

    /// Codes printed with no score in a score position and never printed with one: quoted as a
    /// plan's source or a list of issues. They give no row; a warning lists them.
    static func codesWithoutScores(from reader: DocumentReader) -> [(code: String, page: Int)] {
        let scored = Set(allPrintings(from: reader).map(\.code))
        var seen = Set<String>()
        return (reader.memo.unscoredCodes ?? []).filter {
            !scored.contains($0.code) && seen.insert($0.code).inserted
        }
    }

    private static func allPrintingsUncached(from reader: DocumentReader)
        -> (scores: [QuestionScore], unscored: [(code: String, page: Int)]) {
        let vocabulary = reader.questionTable
        let year = ReportFieldsReader.read(from: reader).assessmentYear?.value
        let joiner = QuestionPageBreak(vocabulary: vocabulary, texts: reader.normalised)
        var out: [QuestionScore] = []
        var unscored: [(code: String, page: Int)] = []
        // A multi-year header stays in force over page breaks until another score table starts.
        var carried: QuestionYearColumns?
        var previous: (side: QuestionPageBreak.Side, printings: [QuestionPrinting])?
        // OCR'd rows with no readable code are identified by their text against the catalogue of
        // the document's framework (the year's, or the one its printed codes show).
        let identification = textIdentification(reader, year: year)
        // ... and by their order down the code column (`QuestionCodeChain`), the only check where
        // the catalogue has no texts (2568).
        let recognised = reader.cellPiecesByPage.map(\.page).filter { reader.layoutPage($0).recognised }
        var identified: [Int: [Int: QuestionTextIdentification.Found]] = [:]
        if let identification {
            for page in recognised { identified[page] = identification.identify(in: reader.cellPiecesGeometry(page: page), vocabulary: vocabulary) }
        }
        // A row whose text names another code than its place in a chain gives contradicts the whole
        // chain's count: none of its rows is taken (the text's own identification still stands).
        let chained = codeChain(reader, year: year).map { chain in
            QuestionCodeChain.withoutContradicted(
                chain.identify(pages: recognised.map { reader.cellPiecesGeometry(page: $0) }, vocabulary: vocabulary),
                identified: identified.mapValues { $0.mapValues(\.code) })
        } ?? [:]
        // Cells run together by a narrow gutter ("... หรือไม่ 93.68") are cut apart first.
        for ((page, lines), (_, uncut)) in zip(reader.cellPiecesByPage, reader.linesByPage) {
            let geometry = reader.cellPiecesGeometry(page: page)
            let headers = QuestionYearColumns.find(in: geometry, vocabulary: vocabulary)
            var active = carried
            var inForce: [QuestionYearColumns?] = []
            inForce.reserveCapacity(lines.count)
            for l in lines.indices {
                if let h = headers.first(where: { $0.line == l }) {
                    active = h
                } else if let a = active, a.isEnded(by: l, in: geometry, vocabulary: vocabulary) {
                    active = nil
                }
                inForce.append(active)
            }
            carried = active
            // On the next page every line is below the header.
            carried?.bottom = -.infinity
            var pageReader = QuestionPageReader(geometry: geometry, vocabulary: vocabulary, texts: reader.normalised)
            pageReader.yearColumns = { inForce[$0] }
            pageReader.uncut = uncut.count == lines.count ? uncut : nil
            pageReader.isMonth = { reader.planCells.isMonth($0) || reader.planCells.isMonthWithYear($0) }
            pageReader.linksPeriod = reader.planCells.linksPeriod
            pageReader.countsPeriod = reader.planCells.isPeriodCount
            pageReader.identified = identified[page] ?? [:]
            pageReader.chained = chained[page] ?? [:]
            let printings = pageReader.read(year: year)
            unscored += pageReader.unscored.map { (code: $0, page: page) }

            let layoutPage = reader.layoutPage(page)
            let side = QuestionPageBreak.Side(
                geometry: geometry, layoutPage: layoutPage,
                brokenRows: layoutPage.tables.filter(\.firstRowContinuesPrevious).compactMap { $0.rows.first?.box })
            if var prev = previous {
                joiner.join(&prev.printings, previous: prev.side, next: side)
                out += prev.printings.flatMap(\.scores)
            }
            previous = (side, printings)
        }
        if let prev = previous { out += prev.printings.flatMap(\.scores) }
        return (identifiedOnce(out), unscored)
    }

    /// The printings less those of a code found by its text (`QuestionTextIdentification`) that
    /// the document prints otherwise too, or that is found on more than one row. The page's own
    /// check sees one page only; a table runs over pages, and `read` keeps the first printing:
    /// a row found as i13 on page 3 would win over the i13 printed on page 4. Where a code is
    /// read, the row found by its text adds nothing but the risk of a wrong score; a code found
    /// twice is no row's for sure.
    static func identifiedOnce(_ printings: [QuestionScore]) -> [QuestionScore] {
        struct Key: Hashable { var year: Int?; var code: String }
        func found(_ q: QuestionScore) -> Bool {
            q.source?.changes?.contains { $0.kind == "code_from_text" || $0.kind == QuestionCodeChain.fromSequence } ?? false
        }
        let read = Set(printings.filter { !found($0) }.map { Key(year: $0.year, code: $0.code) })
        var count: [Key: Int] = [:]
        for q in printings where found(q) { count[Key(year: q.year, code: q.code), default: 0] += 1 }
        return printings.filter { q in
            let k = Key(year: q.year, code: q.code)
            return !found(q) || (!read.contains(k) && count[k] == 1)
        }
    }

    /// What identifies OCR'd rows by their text: the catalogue of the document's framework, chosen
    /// by its year and proven by the codes it prints against every other framework
    /// (`FrameworkCatalogue.proven`); nil with no year, no OCR'd page, an unproven framework, or a
    /// catalogue without texts.
    private static func textIdentification(_ reader: DocumentReader, year: Int?) -> QuestionTextIdentification? {
        guard let year, reader.layout.pages.contains(where: \.recognised) else { return nil }
        var codes: [String] = []
        for line in reader.lines {
            for seg in line.segments { if let c = QuestionTokens.codePrefix(seg.text, reader.questionTable.codeLetters) { codes.append(c.code) } }
        }
        // Only against the framework the printed codes prove (`FrameworkCatalogue.proven`), whatever
        // the year: a found code rests on the catalogue alone, and a year OCR misread (2566 for a
        // 2568 report, whose texts 2566's catalogue numbers otherwise) must not choose it.
        guard let catalogue = FrameworkCatalogue.proven(year: year, codes: codes, vocabulary: reader.ita, byYear: false) else { return nil }
        let found = QuestionTextIdentification(catalogue: catalogue.entries, lookalikes: reader.catalogueCodes.lookalikes)
        return found.isEmpty ? nil : found
    }

    /// What identifies OCR'd rows by their order (`QuestionCodeChain`): the codes of the catalogue
    /// of the document's framework (`FrameworkCatalogue.proven`, else `choose`); nil with no year,
    /// no OCR'd page or no catalogue.
    private static func codeChain(_ reader: DocumentReader, year: Int?) -> QuestionCodeChain? {
        guard let year, reader.layout.pages.contains(where: \.recognised) else { return nil }
        var codes: [String] = []
        for line in reader.lines {
            for seg in line.segments { if let c = QuestionTokens.codePrefix(seg.text, reader.questionTable.codeLetters) { codes.append(c.code) } }
        }
        // The chain's codes must only be some catalogue's: the framework the year and the codes
        // prove, else the one the codes fit (`choose`); the order, not the catalogue, confirms.
        guard let catalogue = FrameworkCatalogue.proven(year: year, codes: codes, vocabulary: reader.ita)
                ?? FrameworkCatalogue.choose(year: year, codes: codes, vocabulary: reader.ita),
              !catalogue.entries.isEmpty else { return nil }
        return QuestionCodeChain(catalogue: Set(catalogue.entries.keys), lookalikes: reader.catalogueCodes.lookalikes,
                                 misreadDigits: reader.catalogueCodes.misreadDigits)
    }

    /// The number of a canonical code ("o21" -> 21).
    static func codeNumber(_ code: String) -> Int { Int(code.dropFirst()) ?? 0 }
}
