import Foundation
import XCTest
@testable import Pipeline

/// The byte parser of /proc files gives the fields the Foundation parse (String, split on spaces)
/// gave, on this process's own files and on a stat line whose command name holds spaces and a bracket.
final class ProcFieldsTests: XCTestCase {
    /// Fields after the last ")" as the old parse read them: split on " ", each as a Double.
    private func foundationFields(_ text: String) -> [Double?] {
        let close = text.lastIndex(of: ")")!
        return text[text.index(after: close)...].split(separator: " ").map { Double($0) }
    }

    func testStatLineWithOddCommandName() {
        let line = "4242 (ita (x) y) S 1 4242 4242 0 -1 4194560 31 0 0 0 17 5 0 0 20 0 1 0 123 4096 2 18446744073709551615\n"
        let bytes = Array(line.utf8)
        let close = bytes.lastIndex(of: UInt8(ascii: ")"))!
        let ours = ProcFields.numbers(bytes, from: close + 1)
        let theirs = foundationFields(line)
        XCTAssertEqual(ours.count, theirs.count)
        // Fields 14 and 15 (user, system ticks) are the ones read: 17 and 5.
        XCTAssertEqual(ours[11], 17); XCTAssertEqual(ours[12], 5)
        for (a, b) in zip(ours, theirs) where a != nil { XCTAssertEqual(a.map(Double.init), b) }
    }

    func testOwnProcFiles() throws {
        let pid = getpid()
        let ticks = try XCTUnwrap(ProcFields.cpuTicks(pid: pid))
        let text = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = foundationFields(text)
        // Read after ours: the times can only have grown.
        XCTAssertLessThanOrEqual(Double(ticks.user), try XCTUnwrap(fields[11]))
        XCTAssertLessThanOrEqual(Double(ticks.system), try XCTUnwrap(fields[12]))
        let resident = try XCTUnwrap(ProcFields.residentPages(pid: pid))
        XCTAssertGreaterThan(resident, 0)
        XCTAssertNil(ProcFields.cpuTicks(pid: -1))
        XCTAssertNil(ProcFields.residentPages(pid: -1))
    }

    /// The watch on a worker's statm, kept open, reads what opening the file again reads while the
    /// process lives (a child that holds its memory still: `sleep`), follows its growth (this process
    /// allocating and touching 64 MB), and reads nothing once the process is reaped, as the path then does.
    func testResidentWatchReadsTheLiveProcessOnly() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["30"]
        try child.run()
        let pid = child.processIdentifier
        // Opened right after the spawn, as the parent does: the file follows the process through its exec.
        let watch = ResidentWatch(pid: pid)
        Thread.sleep(forTimeInterval: 0.3)
        let kept = try XCTUnwrap(watch.residentPages())
        XCTAssertGreaterThan(kept, 0)
        XCTAssertEqual(kept, ProcFields.residentPages(pid: pid))
        child.terminate()
        child.waitUntilExit()
        XCTAssertNil(ProcFields.residentPages(pid: pid))
        XCTAssertNil(watch.residentPages())

        let own = ResidentWatch(pid: getpid())
        let before = try XCTUnwrap(own.residentPages())
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let block = UnsafeMutableRawPointer.allocate(byteCount: 64 << 20, alignment: pageSize)
        defer { block.deallocate() }
        for k in stride(from: 0, to: 64 << 20, by: pageSize) { block.storeBytes(of: 1, toByteOffset: k, as: UInt8.self) }
        let after = try XCTUnwrap(own.residentPages())
        XCTAssertGreaterThanOrEqual(after - before, Int64((48 << 20) / pageSize), "the kept file reads the resident set as it is now")
    }
}
