#pragma once

#include <cmath>
#include <cstdint>

namespace tcpladder::bench {

// xoshiro256** seeded through SplitMix64: the same seed gives the same capture on every
// platform, which std::mt19937 plus std::*_distribution does not promise.
class Random {
public:
    explicit Random(std::uint64_t seed) {
        for (auto& word : m_state) {
            seed += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    std::uint32_t next32() { return static_cast<std::uint32_t>(next() >> 32); }

    // In [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    bool chance(double probability) { return probability > 0.0 && unit() < probability; }

    // In [low, high].
    std::int64_t between(std::int64_t low, std::int64_t high) {
        const auto span = static_cast<std::uint64_t>(high - low) + 1;
        return low + static_cast<std::int64_t>(next() % span);
    }

    // Delays and sizes in real traffic spread over orders of magnitude, so a uniform draw in
    // log space looks far more like a real capture than a uniform one.
    double logUniform(double low, double high) {
        return std::exp(std::log(low) + unit() * (std::log(high) - std::log(low)));
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::uint64_t m_state[4]{};
};

// Derives an independent stream per connection, so one connection's size does not shift the
// random draws of every connection after it.
inline std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t salt) {
    Random random(seed ^ (salt * 0xd1b54a32d192ed03ULL));
    return random.next();
}

} // namespace tcpladder::bench
