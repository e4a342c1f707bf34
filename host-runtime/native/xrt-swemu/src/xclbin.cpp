#include "xclbin.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <vector>

#include "errors.h"

namespace quasar::swemu {

namespace {

std::vector<char> read_file(const char* path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path, "rb"), std::fclose);
    if (!file) {
        int code = errno;
        fail(code, std::string("cannot open xclbin '") + path + "': " + std::strerror(code) +
                       " (give the path of the .xclbin file)");
    }
    std::vector<char> bytes;
    char chunk[4096];
    std::size_t got;
    while ((got = std::fread(chunk, 1, sizeof chunk, file.get())) > 0) bytes.insert(bytes.end(), chunk, chunk + got);
    if (std::ferror(file.get())) {
        int code = errno != 0 ? errno : EIO;
        fail(code, std::string("cannot read xclbin '") + path + "': " + std::strerror(code));
    }
    return bytes;
}

// The key=value lines from byte 512 up to the first NUL; lines without '=' are skipped, the first value of a key wins.
std::map<std::string, std::string> read_metadata(const std::vector<char>& bytes) {
    std::map<std::string, std::string> metadata;
    auto begin = bytes.begin() + XCLBIN_METADATA_OFFSET;
    std::string text(begin, std::find(begin, bytes.end(), '\0'));
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::size_t equals = line.find('=');
        if (equals != std::string::npos && equals > 0)
            metadata.emplace(line.substr(0, equals), line.substr(equals + 1));
        start = end + 1;
    }
    return metadata;
}

std::string required(const std::map<std::string, std::string>& metadata, const char* key, const std::string& path) {
    auto found = metadata.find(key);
    if (found == metadata.end() || found->second.empty())
        fail(EINVAL, "xclbin '" + path + "' has no '" + key + "=' line after byte 512 (write it with the sw-emu " +
                         "xclbin writer; README.md lists the required keys)");
    return found->second;
}

std::string resolve_library(const std::string& library, const std::string& xclbin_path) {
    if (library.front() == '/') return library;
    std::size_t slash = xclbin_path.rfind('/');
    std::string directory = slash == std::string::npos ? "./" : xclbin_path.substr(0, slash + 1);
    return directory + library;
}

} // namespace

Xclbin read_xclbin(const char* path) {
    if (path == nullptr) fail(EINVAL, "path is NULL: pass the path of an .xclbin file");
    std::vector<char> bytes = read_file(path);
    if (bytes.size() < XCLBIN_METADATA_OFFSET)
        fail(EINVAL, std::string("xclbin '") + path + "' is " + std::to_string(bytes.size()) +
                         " bytes, shorter than the 512-byte header: it is not an xclbin");
    if (std::memcmp(bytes.data(), XCLBIN_MAGIC, sizeof XCLBIN_MAGIC) != 0)
        fail(EINVAL,
             std::string("xclbin '") + path + "' does not start with the magic 'xclbin2\\0': it is not an xclbin");

    auto metadata = read_metadata(bytes);
    auto platform_line = metadata.find("platform");
    if (platform_line == metadata.end())
        fail(EINVAL, std::string("xclbin '") + path + "' has no 'platform=' line after byte 512: it is not a sw-emu " +
                         "xclbin (a board's xclbin needs XRT and the board)");
    const std::string& platform = platform_line->second;
    if (platform != SWEMU_PLATFORM)
        fail(EINVAL, std::string("xclbin '") + path + "' is for platform '" + platform + "', not '" + SWEMU_PLATFORM +
                         "': only an xclbin written for the sw-emu device runs here");
    std::string abi = required(metadata, "abi", path);
    if (abi != SWEMU_ABI)
        fail(EINVAL, std::string("xclbin '") + path + "' has kernel ABI '" + abi +
                         "', but the sw-emu device runs only '" + SWEMU_ABI +
                         "': rebuild the kernel library and the xclbin");

    Xclbin xclbin;
    xclbin.path = path;
    std::memcpy(xclbin.uuid.data(), bytes.data() + XCLBIN_UUID_OFFSET, xclbin.uuid.size());
    xclbin.kernel = required(metadata, "kernel", path);
    xclbin.library = resolve_library(required(metadata, "library", path), path);
    return xclbin;
}

std::string uuid_text(const Uuid& uuid) {
    std::string text;
    for (std::size_t i = 0; i < uuid.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
        char digits[3];
        std::snprintf(digits, sizeof digits, "%02x", uuid[i]);
        text += digits;
    }
    return text;
}

} // namespace quasar::swemu
