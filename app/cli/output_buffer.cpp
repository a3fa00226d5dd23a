#include "output_buffer.h"

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace tcpladder::cli {

std::string jsonString(std::string_view text) {
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            quoted += '\\';
            quoted += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            quoted += escaped;
        } else {
            quoted += c;
        }
    }
    return quoted + '"';
}

int standardOutputUsable() {
    const int flags = ::fcntl(STDOUT_FILENO, F_GETFL);
    if (flags == -1)
        return errno;
    return (flags & O_ACCMODE) == O_RDONLY ? EBADF : 0;
}

int closeStandardOutput(const OutputBuffer* out) {
    int error = out ? out->error() : 0;
    if (std::fflush(stdout) != 0 && error == 0)
        error = errno;
    if (std::ferror(stdout) && error == 0)
        error = EIO;
    if (std::fclose(stdout) != 0 && error == 0)
        error = errno;
    return error;
}

} // namespace tcpladder::cli
