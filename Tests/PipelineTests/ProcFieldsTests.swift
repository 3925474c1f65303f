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
}
