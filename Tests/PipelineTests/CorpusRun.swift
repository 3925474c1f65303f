import Dispatch
import Foundation
import ITAModel
import Pipeline

/// One pipeline run over the whole Corpus, shared by the end-to-end tests (it takes a while).
enum CorpusRun {
    static let repoRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }()
    static let corpus = repoRoot.appendingPathComponent("Corpus")
    static let mappings = repoRoot.appendingPathComponent("Mappings")

    /// Runs the pipeline over `Corpus/` (paths relative to the repo root, as a user would type them).
    static func run(jobs: Int) throws -> (URL, RunSummary) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ita-e2e-\(UUID().uuidString)")
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        return (out, try run(["Corpus"], into: out, jobs: jobs, ocr: OCROptions()))
    }

    /// Runs the pipeline over `paths` into `out` and waits for it (the tests are synchronous).
    static func run(_ paths: [String], into out: URL, jobs: Int = 1, ocr: OCROptions?) throws -> RunSummary {
        let files = InputFinder.find(paths).files
        let pipeline = try ExtractionPipeline(options: PipelineOptions(outputDirectory: out, jobs: jobs, bom: false,
                                                                       mappings: mappings, toolVersion: "test", ocr: ocr))
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.value = .success(try await pipeline.run(files: files)) } catch { box.value = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.value!.get()
    }

    /// The shared run with the default number of jobs.
    static let shared: (dir: URL, summary: RunSummary) = {
        do { return try run(jobs: 2) } catch { fatalError("pipeline run over Corpus failed: \(error)") }
    }()

    private final class ResultBox: @unchecked Sendable { var value: Result<RunSummary, Error>? }
}
