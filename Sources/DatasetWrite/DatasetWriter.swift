import Foundation
import ITAModel

/// Writes the dataset files of DATASET.md, one document at a time.
///
/// Call `write` once per document in output order, then `finish` (or `abort`). Rows go to disk as
/// they come (memory does not grow with the number of documents); every file is written under a
/// temporary name (`.reports.csv.tmp` ...) in the output folder and renamed when complete, so a
/// reader never sees a half-written dataset. Output is byte-identical for the same records, apart
/// from manifest.json's `timings`. Not thread-safe: call it from one task. After `write` throws,
/// the files may hold part of that document: call `abort`.
public final class DatasetWriter {
    /// The files a finished run leaves, in the order they are renamed (manifest.json last).
    public static let fileNames = [
        "reports.jsonl", "reports.csv", "indicator_scores.csv", "question_scores.csv", "measures.csv",
        "errors.jsonl", "panel.csv", "dataset.xlsx", "dataset.sqlite", "datapackage.json", "manifest.json",
    ]

    /// Where the files go (created if missing).
    public let outputDirectory: URL
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

    /// Creates the output folder if needed and opens every file under its temporary name.
    /// `corrections` are applied to each record in `write` (extract and merge both write here).
    public init(outputDirectory: URL, options: WriterOptions = WriterOptions(), corrections: Corrections? = nil) throws {
        self.outputDirectory = outputDirectory
        self.options = options
        corrector = corrections.map(CorrectionApplier.init)
        do {
            try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw DatasetWriterError.io(path: outputDirectory.path, message: "\(error)")
        }
        json = JSONEncoder()
        json.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        json.dateEncodingStrategy = .iso8601
        json.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                   nan: "nan")
        var opened: [FileSink] = []
        var sqliteWriter: SQLiteTableWriter?
        do {
            reportsJSONL = try FileSink(directory: outputDirectory, name: "reports.jsonl"); opened.append(reportsJSONL)
            errorsJSONL = try FileSink(directory: outputDirectory, name: "errors.jsonl"); opened.append(errorsJSONL)
            var writers: [CSVTableWriter] = []
            for t in Tables.csvTables {
                let w = try CSVTableWriter(table: t, directory: outputDirectory, bom: options.bom)
                writers.append(w); opened.append(w.sink)
            }
            csv = writers
            sqliteWriter = try SQLiteTableWriter(directory: outputDirectory)
            sqlite = sqliteWriter!
        } catch {
            opened.forEach { $0.discard() }
            sqliteWriter?.discard()
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
        var line = try json.encode(ReportJSON(r: rows.record)); line.append(0x0A)
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
    /// list; `timings.finishedAt` set to now when nil), then renames each file to its final name.
    /// On error, the temporary files are removed.
    public func finish(manifest: Manifest) throws {
        guard open else { throw DatasetWriterError.closed }
        do {
            try reportsJSONL.close()
            try errorsJSONL.close()
            for w in csv { try w.close() }
            let derived = try DerivedFiles.write(from: sqlite, to: outputDirectory, options: options)
            try sqlite.close()

            let package = try FileSink(directory: outputDirectory, name: "datapackage.json")
            try package.write(bytes: try pretty(DataPackage()))
            try package.close()

            var m = manifest
            m.counts = counts
            m.files = DatasetWriter.fileNames
            m.corrections = corrector?.report
            if m.timings.finishedAt == nil { m.timings.finishedAt = Date() }
            let manifestSink = try FileSink(directory: outputDirectory, name: "manifest.json")
            try manifestSink.write(bytes: try pretty(m))
            try manifestSink.close()

            var renames = [(reportsJSONL.tempURL, reportsJSONL.finalURL)]
            renames += csv.map { ($0.sink.tempURL, $0.sink.finalURL) }
            renames += [(errorsJSONL.tempURL, errorsJSONL.finalURL)] + derived
            renames += [(sqlite.tempURL, sqlite.finalURL),
                        (package.tempURL, package.finalURL), (manifestSink.tempURL, manifestSink.finalURL)]
            for (from, to) in renames { try atomicRename(from, to) }
            open = false
        } catch {
            abort()
            throw error
        }
    }

    /// Stops writing and removes the temporary files (final files of earlier runs are left alone).
    public func abort() {
        open = false
        reportsJSONL.discard()
        errorsJSONL.discard()
        csv.forEach { $0.sink.discard() }
        sqlite.discard()
        for name in ["datapackage.json", "manifest.json"] + DerivedFiles.names {
            try? FileManager.default.removeItem(at: outputDirectory.appendingPathComponent(".\(name).tmp"))
        }
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
