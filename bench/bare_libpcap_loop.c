/* tcpladder-bench-bare-loop: the floor for any capture reader. It does the least a TCP
 * connection list needs, read every packet through libpcap and find its connection, so a
 * reader's time over this one is what its own decoding and analysis cost. */

/* pcap.h uses u_int and u_char, which glibc declares only outside strict ISO C. */
#define _DEFAULT_SOURCE

#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Both directions of a connection map to one key: the lower (address, port) pair first. */
struct tuple_key {
    uint32_t low_ip;
    uint32_t high_ip;
    uint16_t low_port;
    uint16_t high_port;
};

struct tuple_slot {
    struct tuple_key key;
    uint32_t used;
};

struct tuple_table {
    struct tuple_slot* slots;
    size_t capacity; /* a power of two */
    size_t count;
};

static uint64_t hash_key(const struct tuple_key* key) {
    uint64_t h = ((uint64_t)key->low_ip << 32 | key->high_ip) * 0x9e3779b97f4a7c15ULL;
    h ^= ((uint64_t)key->low_port << 16 | key->high_port) + 0x632be59bd9b4e019ULL;
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    h ^= h >> 32;
    return h;
}

static int same_key(const struct tuple_key* a, const struct tuple_key* b) {
    return a->low_ip == b->low_ip && a->high_ip == b->high_ip && a->low_port == b->low_port &&
           a->high_port == b->high_port;
}

static int table_init(struct tuple_table* table, size_t capacity) {
    table->slots = calloc(capacity, sizeof *table->slots);
    table->capacity = capacity;
    table->count = 0;
    return table->slots != NULL;
}

static void table_insert_new(struct tuple_table* table, const struct tuple_key* key) {
    size_t mask = table->capacity - 1;
    size_t i = (size_t)hash_key(key) & mask;
    while (table->slots[i].used) {
        i = (i + 1) & mask;
    }
    table->slots[i].key = *key;
    table->slots[i].used = 1;
    table->count++;
}

/* Linear probing stays short below half load; growing past it keeps lookups one cache line. */
static int table_grow(struct tuple_table* table) {
    struct tuple_table bigger;
    size_t i;
    if (!table_init(&bigger, table->capacity * 2)) {
        return 0;
    }
    for (i = 0; i < table->capacity; i++) {
        if (table->slots[i].used) {
            table_insert_new(&bigger, &table->slots[i].key);
        }
    }
    free(table->slots);
    *table = bigger;
    return 1;
}

static int table_add(struct tuple_table* table, const struct tuple_key* key) {
    size_t mask = table->capacity - 1;
    size_t i = (size_t)hash_key(key) & mask;
    while (table->slots[i].used) {
        if (same_key(&table->slots[i].key, key)) {
            return 1;
        }
        i = (i + 1) & mask;
    }
    if ((table->count + 1) * 2 > table->capacity) {
        if (!table_grow(table)) {
            return 0;
        }
        table_insert_new(table, key);
        return 1;
    }
    table->slots[i].key = *key;
    table->slots[i].used = 1;
    table->count++;
    return 1;
}

static uint16_t read16(const u_char* p) {
    return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t read32(const u_char* p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Offset of the IPv4 header, or -1 when the frame carries something else. */
static long network_offset(int link_type, const u_char* data, bpf_u_int32 length) {
    long offset;
    uint16_t ether_type;
    switch (link_type) {
    case DLT_EN10MB:
        offset = 14;
        if (length < 14) {
            return -1;
        }
        ether_type = read16(data + 12);
        if (ether_type == 0x8100 && length >= 18) {
            ether_type = read16(data + 16);
            offset = 18;
        }
        return ether_type == 0x0800 ? offset : -1;
    case DLT_LINUX_SLL:
        return length >= 16 && read16(data + 14) == 0x0800 ? 16 : -1;
    case DLT_RAW:
        return 0;
    default:
        return -1;
    }
}

int main(int argc, char** argv) {
    char error[PCAP_ERRBUF_SIZE];
    pcap_t* handle;
    struct pcap_pkthdr* header;
    const u_char* data;
    struct tuple_table table;
    unsigned long long packets = 0;
    unsigned long long tcp_packets = 0;
    int link_type;
    int status;

    if (argc != 2) {
        fprintf(stderr, "usage: tcpladder-bench-bare-loop FILE\n");
        return 2;
    }
    handle = pcap_open_offline(argv[1], error);
    if (!handle) {
        fprintf(stderr, "tcpladder-bench-bare-loop: %s\n", error);
        return 1;
    }
    if (!table_init(&table, 1024)) {
        fprintf(stderr, "tcpladder-bench-bare-loop: out of memory\n");
        return 1;
    }
    link_type = pcap_datalink(handle);
    while ((status = pcap_next_ex(handle, &header, &data)) == 1) {
        long ip = network_offset(link_type, data, header->caplen);
        const u_char* ip_header;
        size_t ip_length;
        struct tuple_key key;
        uint32_t src;
        uint32_t dst;
        uint16_t sport;
        uint16_t dport;

        packets++;
        if (ip < 0 || header->caplen < (bpf_u_int32)ip + 20) {
            continue;
        }
        ip_header = data + ip;
        ip_length = (size_t)(ip_header[0] & 0x0f) * 4;
        /* TCP only, and only the first fragment carries the ports. */
        if ((ip_header[0] >> 4) != 4 || ip_header[9] != 6 || (read16(ip_header + 6) & 0x1fff) ||
            ip_length < 20 || header->caplen < (bpf_u_int32)ip + ip_length + 4) {
            continue;
        }
        tcp_packets++;
        src = read32(ip_header + 12);
        dst = read32(ip_header + 16);
        sport = read16(ip_header + ip_length);
        dport = read16(ip_header + ip_length + 2);
        if (src < dst || (src == dst && sport <= dport)) {
            key.low_ip = src;
            key.high_ip = dst;
            key.low_port = sport;
            key.high_port = dport;
        } else {
            key.low_ip = dst;
            key.high_ip = src;
            key.low_port = dport;
            key.high_port = sport;
        }
        if (!table_add(&table, &key)) {
            fprintf(stderr, "tcpladder-bench-bare-loop: out of memory\n");
            return 1;
        }
    }
    if (status == PCAP_ERROR) {
        fprintf(stderr, "tcpladder-bench-bare-loop: %s\n", pcap_geterr(handle));
        return 1;
    }
    printf("packets %llu\ntcp_packets %llu\ntuples %llu\n", packets, tcp_packets,
           (unsigned long long)table.count);
    free(table.slots);
    pcap_close(handle);
    return 0;
}
