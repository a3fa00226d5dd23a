#include "messages/tls_hello.h"

#include "decode/byte_cursor.h"
#include "messages/stream_text.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace tcpladder {
namespace {

// RFC 8446 4.1.3: a ServerHello with this random is a HelloRetryRequest.
constexpr std::array<std::uint8_t, 32> kHelloRetryRandom = {
    0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
    0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C};

void readExtensions(ByteCursor& c, bool client, TlsHello& hello) {
    const std::size_t total = c.be16();
    if (!c.ok())
        return;
    ByteCursor ext(c.here(), std::min(total, c.remaining()));
    while (ext.remaining() >= 4) {
        const std::uint16_t type = ext.be16();
        const std::size_t length = ext.be16();
        if (!ext.has(length))
            return;
        ByteCursor body(ext.here(), length);
        ext.skip(length);
        if (type == 0 && client) {
            body.be16();
            while (body.remaining() >= 3) {
                const std::uint8_t nameType = body.u8();
                const std::size_t nameLength = body.be16();
                if (!body.has(nameLength))
                    break;
                if (nameType == 0 && hello.sni.empty())
                    hello.sni =
                        printable({reinterpret_cast<const char*>(body.here()), nameLength}, 255);
                body.skip(nameLength);
            }
        } else if (type == 16) {
            body.be16();
            while (body.remaining() >= 1) {
                const std::size_t length8 = body.u8();
                if (!body.has(length8))
                    break;
                if (!hello.alpn.empty())
                    hello.alpn.push_back(',');
                hello.alpn.append(
                    printable({reinterpret_cast<const char*>(body.here()), length8}, 64));
                body.skip(length8);
            }
        } else if (type == 43) {
            if (client) {
                const std::size_t count = body.u8() / 2;
                for (std::size_t i = 0; i < count && body.has(2); ++i)
                    hello.version = std::max(hello.version, body.be16());
            } else if (body.has(2)) {
                hello.version = body.be16();
            }
        }
    }
}

} // namespace

TlsHello readTlsHello(std::uint8_t type, std::span<const std::uint8_t> body) {
    TlsHello hello;
    ByteCursor c(body.data(), body.size());
    const std::uint16_t legacy = c.be16();
    hello.retry =
        type == 2 && c.has(32) && std::memcmp(c.here(), kHelloRetryRandom.data(), 32) == 0;
    c.skip(32);
    c.skip(c.u8()); // session id
    if (type == 1) {
        c.skip(c.be16()); // cipher suites
        c.skip(c.u8());   // compression methods
    } else {
        hello.cipher = c.be16();
        c.skip(1);
    }
    hello.complete = c.ok();
    if (c.ok() && c.remaining() >= 2)
        readExtensions(c, type == 1, hello);
    if (!hello.version)
        hello.version = legacy;
    return hello;
}

} // namespace tcpladder
