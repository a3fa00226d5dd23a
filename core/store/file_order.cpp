#include "store/file_order.h"

#include <queue>
#include <vector>

namespace tcpladder {

void forEachInFileOrder(const PacketStore& store,
                        const std::function<void(std::uint32_t, const PacketRecord&)>& visit) {
    struct Cursor {
        std::uint64_t frame;
        std::uint32_t connection;
        std::uint32_t index;
        bool operator>(const Cursor& other) const { return frame > other.frame; }
    };
    std::priority_queue<Cursor, std::vector<Cursor>, std::greater<>> heads;
    for (std::uint32_t c = 0; c < store.connectionCount(); ++c) {
        if (store.packetCount(c) > 0)
            heads.push({store.at(c, 0).frame(), c, 0});
    }
    while (!heads.empty()) {
        Cursor cursor = heads.top();
        heads.pop();
        visit(cursor.connection, store.at(cursor.connection, cursor.index));
        if (++cursor.index < store.packetCount(cursor.connection)) {
            cursor.frame = store.at(cursor.connection, cursor.index).frame();
            heads.push(cursor);
        }
    }
}

} // namespace tcpladder
