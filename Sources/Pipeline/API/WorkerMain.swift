import Foundation
import ITAModel
import PageOCR
import ReportInterpret
import ThaiNormalise

/// The worker side of `ita-extract worker`: reads documents one after the other as the parent
/// asks (see WorkerProtocol.swift) until its input closes. A crash, hang or memory blow-up here
/// costs the parent one document and a restart, never the batch.
public enum WorkerMain {
    /// Serves requests on stdin; replies go to what was stdout, and stdout itself is pointed at
    /// stderr first, so that a library printing to stdout cannot corrupt a reply. Returns the exit code.
    public static func serve() -> Int32 {
        let replies = dup(1)
        guard replies >= 0, dup2(2, 1) >= 0 else { return 71 }
        let input = LineReader(fd: 0)
        guard let first = input.readLine() else { return 0 }
        let config: WorkerConfig
        let processor: DocumentProcessor
        do {
            config = try WorkerWire.decoder().decode(WorkerConfig.self, from: Data(first))
            processor = try DocumentProcessor.load(mappings: URL(fileURLWithPath: config.mappings), ocr: config.ocr, layout: config.layout,
                                                interpret: config.interpret)
        } catch {
            FileHandle.standardError.write(Data("ita-extract worker: cannot start: \(error)\n".utf8))
            return 70
        }
        if config.ocr != nil { PageOCR.prepare() }
        var limit = rlimit(rlim_cur: rlim_t(config.dataLimit), rlim_max: rlim_t(config.dataLimit))
        setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit)
        exitWhenOrphaned()
        let faults = FaultInjection.fromEnvironment()

        while let line = input.readLine() {
            guard let request = try? WorkerWire.decoder().decode(WorkerRequest.self, from: Data(line)) else {
                FileHandle.standardError.write(Data("ita-extract worker: unreadable request\n".utf8))
                return 70
            }
            let path = InputPath(bytes: Array(request.path))
            FaultInjection.trigger(faults, path: path.display)
            let (record, timings) = processor.process(path, digest: request.digest, pagesCounted: { pages in
                _ = try? WorkerWire.write(WorkerWire.line(WorkerMessage(pages: pages)), to: replies)
            }, ocrPending: { change in
                // The parent's progress line counts OCR pages pending; the OCR runs here.
                _ = try? WorkerWire.write(WorkerWire.line(WorkerMessage(ocrPending: change)), to: replies)
            })
            let body = RecordBinary.encode(record, timings: timings)
            guard let head = try? WorkerWire.line(WorkerMessage(recordBytes: body.count)),
                  WorkerWire.write(head + body, to: replies) else { return 0 }
        }
        return 0
    }

    /// A worker whose parent died (killed outright, so it never closed our input) must not live on:
    /// a hung document would otherwise keep it for ever.
    private static func exitWhenOrphaned() {
        let parent = getppid()
        let t = Thread {
            while true {
                sleep(1)
                if getppid() != parent { _exit(0) }
            }
        }
        t.stackSize = 1 << 16
        t.start()
    }
}
