import Foundation

/// The GNU build ID note (`NT_GNU_BUILD_ID`, what `readelf -n` prints as "Build ID") of an ELF file,
/// read from the PT_NOTE segments its program headers list: the linker's digest of the file's
/// contents when it was linked with `--build-id`. nil for a file without one, or not a 64-bit
/// little-endian ELF file (the platforms this tool builds on).
enum ELFBuildID {
    static func read(path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        func bytes(_ offset: Int, _ count: Int) -> [UInt8]? {
            guard offset >= 0, count > 0, count <= 1 << 16 else { return nil }
            var b = [UInt8](repeating: 0, count: count)
            let n = b.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
            return n == count ? b : nil
        }
        func u16(_ b: [UInt8], _ o: Int) -> Int { Int(b[o]) | Int(b[o + 1]) << 8 }
        func u32(_ b: [UInt8], _ o: Int) -> Int { u16(b, o) | u16(b, o + 2) << 16 }
        func u64(_ b: [UInt8], _ o: Int) -> Int { u32(b, o) | u32(b, o + 4) << 32 }
        func padded(_ n: Int) -> Int { (n + 3) & ~3 }
        // ELF header: magic, class 2 (64-bit), data 1 (little-endian); e_phoff, e_phentsize, e_phnum.
        guard let h = bytes(0, 64), h[0..<4].elementsEqual([0x7F, 0x45, 0x4C, 0x46]), h[4] == 2, h[5] == 1 else { return nil }
        let phoff = u64(h, 32), phentsize = u16(h, 54), phnum = u16(h, 56)
        guard phentsize >= 56, let table = bytes(phoff, phentsize * phnum) else { return nil }
        for i in 0..<phnum {
            let e = i * phentsize
            // p_type PT_NOTE (4); p_offset at 8, p_filesz at 32.
            guard u32(table, e) == 4, let notes = bytes(u64(table, e + 8), u64(table, e + 32)) else { continue }
            var p = 0
            while p + 12 <= notes.count {
                let nameSize = u32(notes, p), descSize = u32(notes, p + 4), type = u32(notes, p + 8)
                let name = p + 12, desc = name + padded(nameSize)
                guard desc + descSize <= notes.count else { break }
                // NT_GNU_BUILD_ID (3), owner "GNU\0".
                if type == 3, nameSize == 4, notes[name..<(name + 4)].elementsEqual([0x47, 0x4E, 0x55, 0x00]) {
                    return Array(notes[desc..<(desc + descSize)])
                }
                p = desc + padded(descSize)
            }
        }
        return nil
    }
}
