#include "messages/tls_names.h"

#include <cstdio>

namespace tcpladder {
namespace {

struct Named {
    unsigned number;
    const char* name;
};

template <std::size_t N>
std::string lookup(const Named (&table)[N], unsigned number, const char* format) {
    for (const Named& entry : table)
        if (entry.number == number)
            return entry.name;
    char text[16];
    std::snprintf(text, sizeof text, format, number);
    return text;
}

} // namespace

std::string tlsVersionName(std::uint16_t version) {
    static constexpr Named kVersions[] = {{0x0300, "SSL 3.0"},
                                          {0x0301, "TLS 1.0"},
                                          {0x0302, "TLS 1.1"},
                                          {0x0303, "TLS 1.2"},
                                          {0x0304, "TLS 1.3"}};
    return lookup(kVersions, version, "0x%04x");
}

namespace {
constexpr Named kHandshakeTypes[] = {
    {0, "HelloRequest"},        {1, "ClientHello"},      {2, "ServerHello"},
    {3, "HelloVerifyRequest"},  {4, "NewSessionTicket"}, {5, "EndOfEarlyData"},
    {8, "EncryptedExtensions"}, {11, "Certificate"},     {12, "ServerKeyExchange"},
    {13, "CertificateRequest"}, {14, "ServerHelloDone"}, {15, "CertificateVerify"},
    {16, "ClientKeyExchange"},  {20, "Finished"},        {22, "CertificateStatus"},
    {24, "KeyUpdate"},          {67, "NextProtocol"},    {254, "MessageHash"}};
} // namespace

std::string tlsHandshakeName(std::uint8_t type) {
    return lookup(kHandshakeTypes, type, "Handshake(%u)");
}

bool tlsHandshakeKnown(std::uint8_t type) {
    for (const Named& entry : kHandshakeTypes)
        if (entry.number == type)
            return true;
    return false;
}

std::string tlsAlertName(std::uint8_t description) {
    static constexpr Named kAlerts[] = {{0, "close_notify"},
                                        {10, "unexpected_message"},
                                        {20, "bad_record_mac"},
                                        {21, "decryption_failed"},
                                        {22, "record_overflow"},
                                        {30, "decompression_failure"},
                                        {40, "handshake_failure"},
                                        {41, "no_certificate"},
                                        {42, "bad_certificate"},
                                        {43, "unsupported_certificate"},
                                        {44, "certificate_revoked"},
                                        {45, "certificate_expired"},
                                        {46, "certificate_unknown"},
                                        {47, "illegal_parameter"},
                                        {48, "unknown_ca"},
                                        {49, "access_denied"},
                                        {50, "decode_error"},
                                        {51, "decrypt_error"},
                                        {60, "export_restriction"},
                                        {70, "protocol_version"},
                                        {71, "insufficient_security"},
                                        {80, "internal_error"},
                                        {86, "inappropriate_fallback"},
                                        {90, "user_canceled"},
                                        {100, "no_renegotiation"},
                                        {109, "missing_extension"},
                                        {110, "unsupported_extension"},
                                        {112, "unrecognized_name"},
                                        {113, "bad_certificate_status_response"},
                                        {115, "unknown_psk_identity"},
                                        {116, "certificate_required"},
                                        {120, "no_application_protocol"}};
    return lookup(kAlerts, description, "alert(%u)");
}

std::string tlsCipherName(std::uint16_t suite) {
    static constexpr Named kSuites[] = {{0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA"},
                                        {0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"},
                                        {0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256"},
                                        {0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256"},
                                        {0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384"},
                                        {0x000a, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"},
                                        {0x0005, "TLS_RSA_WITH_RC4_128_SHA"},
                                        {0x0004, "TLS_RSA_WITH_RC4_128_MD5"},
                                        {0x1301, "TLS_AES_128_GCM_SHA256"},
                                        {0x1302, "TLS_AES_256_GCM_SHA384"},
                                        {0x1303, "TLS_CHACHA20_POLY1305_SHA256"},
                                        {0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"},
                                        {0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"},
                                        {0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"},
                                        {0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"},
                                        {0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"},
                                        {0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"},
                                        {0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"},
                                        {0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"},
                                        {0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"},
                                        {0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"},
                                        {0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"}};
    return lookup(kSuites, suite, "0x%04x");
}

} // namespace tcpladder
