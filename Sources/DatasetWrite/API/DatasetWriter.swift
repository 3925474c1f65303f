import Foundation
import ITAModel

/// Writes the dataset files of DATASET.md, one document at a time.
///
/// Call `write` once per document in output order, then `finish` (or `abort`). Rows go to disk as
/// they come (memory does not grow with the number of documents) into a staging folder beside the
/// output folder, which `finish` swaps in whole (`OutputFolder`): a reader sees the old dataset or
/// the new one, never a mix, and a second run into the same folder is refused while this one holds
/// its lock. Output is byte-identical for the same records, apart
/// from manifest.json's `timings`. Not thread-safe: call it from one task. After `write` throws,
/// the files may hold part of that document: call `abort`.
public final class DatasetWriter {
    /// The files a finished run leaves (everything else in the output folder is kept as it is).
    public static let fileNames = [
        "reports.jsonl", "reports.csv", "indicator_scores.csv", "question_scores.csv", "measures.csv",
        "errors.jsonl", "panel.csv", "dataset.xlsx", "dataset.sqlite", "datapackage.json", "manifest.json",
    ]

    /// Where the files go (created if missing).
    public let outputDirectory: URL
    /// The claimed output folder (lock, staging, swap).
    public let folder: OutputFolder
    /// How they are written.
    public let options: WriterOptions

    private let reportsJSONL: FileSink
    private let errorsJSONL: FileSink
    private let csv: [CSVTableWriter]
    private let sqlite: SQLiteTableWriter
    private let json: JSONEncoder
    private var counts = Manifest.Counts()
    // doc_ids are the reports' primary key; a repeat is refused before anything of it is written.
    private var seenIDs = Set<String>()
    private var open = true

    /// Applies the corrections file, if any, to every record written.
    private let corrector: CorrectionApplier?

    /// What the corrections file did so far (nil without one); also written to manifest.json.
    public var correctionReport: Manifest.CorrectionReport? { corrector?.report }

    /// Claims the output folder (see `OutputFolder.claim`: checks, lock, recovery of an interrupted
    /// run) and opens every file in a fresh staging folder. `corrections` are applied to each record
    /// in `write` (extract and merge both write here).
    public init(outputDirectory: URL, options: WriterOptions = WriterOptions(), corrections: Corrections? = nil) throws {
        self.outputDirectory = outputDirectory
        self.options = options
        corrector = corrections.map(CorrectionApplier.init)
        folder = try OutputFolder.claim(outputDirectory)
        let staging: URL
        do { staging = try folder.beginStaging() } catch { folder.release(); throw error }
        json = DatasetWriter.lineEncoder()
        var opened: [FileSink] = []
        var sqliteWriter: SQLiteTableWriter?
        do {
            reportsJSONL = try FileSink(directory: staging, name: "reports.jsonl"); opened.append(reportsJSONL)
            errorsJSONL = try FileSink(directory: staging, name: "errors.jsonl"); opened.append(errorsJSONL)
            var writers: [CSVTableWriter] = []
            for t in Tables.csvTables {
                let w = try CSVTableWriter(table: t, directory: staging, bom: options.bom)
                writers.append(w); opened.append(w.sink)
            }
            csv = writers
            sqliteWriter = try SQLiteTableWriter(directory: staging)
            sqlite = sqliteWriter!
        } catch {
            opened.forEach { $0.discard() }
            sqliteWriter?.discard()
            folder.discardStaging()
            folder.release()
            throw error
        }
    }

    /// Writes one document's rows to every file.
    public func write(_ record: ReportRecord) throws {
        guard open else { throw DatasetWriterError.closed }
        guard !seenIDs.contains(record.docID) else {
            throw DatasetWriterError.duplicateDocID(record.docID, sourcePath: record.sourcePath)
        }
        var record = record
        corrector?.apply(to: &record)
        let rows = RecordRows(record)
        // Encode first: a record that cannot be encoded leaves no trace in any file.
        let line = ReportJSONBytes.line(rows.record)
        var errorLine: Data?
        if let e = rows.error { errorLine = try json.encode(e); errorLine!.append(0x0A) }

        try sqlite.insert([
            (Tables.reports, [rows.report]), (Tables.indicatorScores, rows.indicators),
            (Tables.questionScores, rows.questions), (Tables.measures, rows.measures),
            (Tables.errors, rows.error.map { [$0.cells] } ?? []),
        ])
        seenIDs.insert(record.docID)
        try reportsJSONL.write(bytes: line)
        if let errorLine { try errorsJSONL.write(bytes: errorLine) }
        try csv[0].write(rows.report)
        for cells in rows.indicators { try csv[1].write(cells) }
        for cells in rows.questions { try csv[2].write(cells) }
        for cells in rows.measures { try csv[3].write(cells) }

        counts.documents += 1
        switch rows.record.status {
        case .ok: counts.ok += 1
        case .partial: counts.partial += 1
        case .failed: counts.failed += 1
        }
        counts.indicatorRows += rows.indicators.count
        counts.questionRows += rows.questions.count
        counts.measureRows += rows.measures.count
        counts.warnings += rows.record.warnings.count
    }

    /// Closes every file, writes datapackage.json and manifest.json (with this run's counts and file
    /// list; `timings.finishedAt` set to now when nil), then publishes the staging folder in one swap
    /// and releases the lock. On error, the staging folder is removed and an earlier dataset stays.
    public func finish(manifest: Manifest) throws {
        guard open else { throw DatasetWriterError.closed }
        do {
            try reportsJSONL.close()
            try errorsJSONL.close()
            for w in csv { try w.close() }
            try DerivedFiles.write(from: sqlite, to: folder.stagingURL, options: options)
            try sqlite.close()

            let package = try FileSink(directory: folder.stagingURL, name: "datapackage.json")
            try package.write(bytes: try pretty(DataPackage()))
            try package.close()

            var m = manifest
            m.counts = counts
            m.files = DatasetWriter.fileNames
            m.corrections = corrector?.report
            if m.timings.finishedAt == nil { m.timings.finishedAt = Date() }
            let manifestSink = try FileSink(directory: folder.stagingURL, name: "manifest.json")
            try manifestSink.write(bytes: try pretty(m))
            try manifestSink.close()

            try folder.publish()
            open = false
            folder.release()
        } catch {
            abort()
            throw error
        }
    }

    /// Stops writing, removes the staging folder and releases the lock (an earlier dataset in the
    /// output folder is left alone).
    public func abort() {
        guard open else { return }
        open = false
        reportsJSONL.discard()
        errorsJSONL.discard()
        csv.forEach { $0.sink.discard() }
        sqlite.discard()
        folder.discardStaging()
        folder.release()
    }

    /// The encoder of errors.jsonl's lines, and the definition of reports.jsonl's bytes (which
    /// `ReportJSONBytes` writes directly): compact, sorted keys, slashes as they are, non-finite
    /// numbers as strings.
    static func lineEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    /// Indented JSON with sorted keys and a final line break, for the two descriptor files.
    private func pretty<T: Encodable>(_ value: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        var d = try e.encode(value)
        d.append(0x0A)
        return d
    }
}
