import ITAModel
import ReportInterpret

/// A score OCR read with a digit lost, told by the document's other scores. Why: no arithmetic
/// check reaches most OCR'd scores (a year's indicators not all read, a question set incomplete),
/// and Tesseract drops a digit now and then: `9.52` where the report prints 95.52, its row and
/// column printing scores of two digits. A score whose whole part has fewer digits than every other
/// score of its year and of its row (the same indicator or question in the other years), or fewer
/// decimals than every other printed with decimals, is not of the form its table prints: it is left
/// empty (`OCRScorePolicy`). A zero is no lost digit's form (an OIT item not met prints 0.00), and a
/// full 100 is the ceiling, not a table's form: neither is judged (Corpus seed s000 prints ๑๐๐.๐
/// among scores of two decimals), and the others compared are those above 0 and below 100 (tune
/// scan v000011's 96.93 among question scores of 100.00 is right). Applied to the printed
/// values of the tune and Corpus gold and the tune scans' gold (246 documents, 16,845 indicator and
/// question scores) it flags one: an OIT indicator of 6.25 (tune scan v000952), which would
/// be left empty, not written wrong.
enum OCRLostDigit {
    /// The digits of a score's whole part and of its decimals ("98.9" is (2, 1)); nil when it is no number.
    static func shape(_ score: String) -> (whole: Int, decimals: Int)? {
        guard Double(score) != nil else { return nil }
        let parts = score.split(separator: ".", omittingEmptySubsequences: false)
        return (parts[0].count, parts.count > 1 ? parts[1].count : 0)
    }

    /// Whether `score` has lost a digit by the form of `peers` (the other scores of its year and of its
    /// row, those above 0 and below 100): fewer whole digits than every peer, or, printed with
    /// decimals, fewer decimals than every peer printed with decimals. It needs `minPeers`
    /// (`ocrLostDigitMinPeers`) peers.
    static func lostDigit(_ score: String, peers: [String], minPeers: Double) -> Bool {
        guard let v = Double(score), v > 0, v < 100, let own = shape(score) else { return false }
        let others = peers.compactMap { p -> (whole: Int, decimals: Int)? in
            guard let d = Double(p), d > 0, d < 100 else { return nil }
            return shape(p)
        }
        if Double(others.count) >= minPeers, others.allSatisfy({ $0.whole > own.whole }) { return true }
        let decimal = others.filter { $0.decimals > 0 }
        return own.decimals > 0 && Double(decimal.count) >= minPeers && decimal.allSatisfy { $0.decimals > own.decimals }
    }

    /// For each of `rows` (by index), whether its score lost a digit (`lostDigit`) by its peers: the
    /// other rows of its year and the same `key` (indicator, question code) in the other years, as
    /// read (before any is left empty). Only the rows `judged` names are judged (the others are
    /// false): the peers are found for those alone.
    static func lost<Row, Key: Equatable>(_ rows: [Row], score: KeyPath<Row, String>, year: KeyPath<Row, Int?>, key: KeyPath<Row, Key>,
                                          minPeers: Double, judged: (Row) -> Bool) -> [Bool] {
        rows.indices.map { i in
            let s = rows[i]
            guard judged(s) else { return false }
            let peers = rows.indices.filter { j in
                j != i && (rows[j][keyPath: year] == s[keyPath: year]) != (rows[j][keyPath: key] == s[keyPath: key])
            }.map { rows[$0][keyPath: score] }
            return lostDigit(s[keyPath: score], peers: peers, minPeers: minPeers)
        }
    }
}
