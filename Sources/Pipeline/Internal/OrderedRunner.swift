/// Runs `work` over `count` items with at most `jobs` at once and hands each result to `deliver`
/// in index order. At most `2 * jobs` finished results wait for a slow earlier item, so memory stays
/// bounded by the window, not by the number of items.
func runOrdered<R: Sendable>(count: Int, jobs: Int,
                             work: @escaping @Sendable (Int) async -> R,
                             deliver: (Int, R) async throws -> Void) async throws {
    let jobs = max(1, jobs)
    let window = 2 * jobs
    try await withThrowingTaskGroup(of: (Int, R).self) { group in
        var next = 0
        var running = 0
        var pending: [Int: R] = [:]
        var nextToDeliver = 0
        func startMore() {
            while running < jobs && next < count && next - nextToDeliver < window {
                let i = next
                group.addTask { (i, await work(i)) }
                next += 1
                running += 1
            }
        }
        startMore()
        while let (i, r) = try await group.next() {
            running -= 1
            pending[i] = r
            while let ready = pending.removeValue(forKey: nextToDeliver) {
                try await deliver(nextToDeliver, ready)
                nextToDeliver += 1
            }
            startMore()
        }
    }
}
