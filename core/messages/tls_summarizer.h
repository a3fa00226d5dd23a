#pragma once

#include "messages/application_summary.h"

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace tcpladder {

// Reads the TLS records of both directions as their in-order bytes arrive:
// record headers, the first hello of each side (kept up to kMaxHello bytes,
// across records and segments, then freed) and unencrypted alerts. Record
// bodies are counted off by their length, which is checked against the
// protocol's limit before anything trusts it.
class TlsSummarizer {
public:
    static constexpr std::size_t kMaxHello = 4096;

    explicit TlsSummarizer(ApplicationSummary& summary) : m_summary(summary) {}

    void bytes(bool fromClient, std::span<const std::uint8_t> data);
    void gap(bool fromClient, std::uint64_t length);
    void segmentStart(bool fromClient, std::span<const std::uint8_t> data);
    void finish();

private:
    struct Direction {
        bool lost = false;
        bool encrypted = false; // after this side's ChangeCipherSpec
        bool helloDone = false;
        std::array<std::uint8_t, 5> header{};
        std::uint8_t headerGot = 0;
        std::uint32_t remaining = 0; // of the current record's body
        // The first handshake message, across records.
        std::array<std::uint8_t, 4> handshake{};
        std::uint8_t handshakeGot = 0;
        std::uint32_t handshakeLength = 0;
        std::uint32_t handshakeReceived = 0;
        std::vector<std::uint8_t> hello;
        std::array<std::uint8_t, 2> alert{};
        std::uint8_t alertGot = 0;
    };

    void recordHeader(Direction& d);
    void recordBody(Direction& d, std::span<const std::uint8_t> data);
    void recordEnd(Direction& d);
    void helloDone(Direction& d, bool cut);

    ApplicationSummary& m_summary;
    std::array<Direction, 2> m_directions; // [0] client, [1] server
};

} // namespace tcpladder
