/// The cues an indicator table's rows are read with (`ITAVocabulary.Cues`), in the key form
/// (`KeyedText.keyString`) `IndicatorRows` compares them in, made once with the cues: every row of a
/// document is parsed, and keying the same cue words again for each (a shared memo's lock and hash,
/// a set built and sorted per row) was about 2% of a run's CPU.
struct RowCueKeys {
    /// The year column words ("ปีงบประมาณ", "คะแนน"): every word's key.
    let yearColumnWords: Set<String>
    /// The same keys, longest word first (Characters of the word as listed; list order among equals).
    let yearColumnWordsByWordLength: [String]
    /// The distinct keys, longest key first (first listed first among equals).
    let yearColumnWordsByKeyLength: [String]
    let tableAverageRows: [String]
    let tableRatingRows: [String]
    let indicatorWord: String
    let indicatorShortWord: String
    let toolCellStarts: [String]

    init(_ cues: ITAVocabulary.Cues) {
        func key(_ s: String) -> String { KeyedText.keyString(s) }
        let words = cues.yearColumnWords
        yearColumnWords = Set(words.map(key))
        yearColumnWordsByWordLength = words.sorted { $0.count > $1.count }.map(key)
        var seen = Set<String>()
        yearColumnWordsByKeyLength = words.map(key).filter { seen.insert($0).inserted }.sorted { $0.count > $1.count }
        tableAverageRows = cues.tableAverageRows.map(key)
        tableRatingRows = cues.tableRatingRows.map(key)
        indicatorWord = key(cues.indicatorWord)
        indicatorShortWord = key(cues.indicatorShortWord)
        toolCellStarts = cues.toolCellStarts.map(key)
    }
}
