"""Small pcap / pcapng writers and packet builders for the hostile-input suite.

Everything here writes bytes exactly as told, including the wrong ones: a
field given explicitly overrides what a well-formed file would hold.
"""

import random
import struct

ETH_IPV4 = 0x0800
ETH_IPV6 = 0x86DD
ETH_VLAN = 0x8100
PROTO_IPIP = 4
PROTO_TCP = 6
LINKTYPE_ETHERNET = 1
LINKTYPE_RAW = 101

FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ipv4_address(text):
    return bytes(int(part) for part in text.split("."))


def tcp(sport, dport, seq=0, ack=0, flags=ACK, window=65535, payload=b"", options=b"",
        data_offset=None):
    """A TCP header; data_offset (in 32-bit words) overrides the real one."""
    if len(options) % 4:
        options += b"\0" * (4 - len(options) % 4)
    words = data_offset if data_offset is not None else 5 + len(options) // 4
    header = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF,
                         (words & 0xF) << 4, flags, window, 0, 0)
    return header + options + payload


def ipv4(src, dst, protocol, payload, ident=1, offset=0, more=False, total_length=None):
    """An IPv4 header; offset in bytes (a multiple of 8)."""
    flags_offset = (0x2000 if more else 0) | (offset // 8)
    length = total_length if total_length is not None else 20 + len(payload)
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, length & 0xFFFF, ident & 0xFFFF,
                         flags_offset, 64, protocol, 0, ipv4_address(src), ipv4_address(dst))
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + payload


def ethernet(ethertype, payload, vlans=()):
    frame = b"\x02\0\0\0\0\x02" + b"\x02\0\0\0\0\x01"
    for vlan in vlans:
        frame += struct.pack("!HH", ETH_VLAN, vlan & 0x0FFF)
    return frame + struct.pack("!H", ethertype) + payload


class Pcap:
    """A classic pcap file, microsecond resolution, little-endian."""

    def __init__(self, linktype=LINKTYPE_ETHERNET, snaplen=65535):
        self.parts = [struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, linktype)]

    def add(self, data, seconds=1_700_000_000, micros=0, caplen=None, origlen=None):
        caplen = len(data) if caplen is None else caplen
        origlen = len(data) if origlen is None else origlen
        self.parts.append(struct.pack("<IIII", seconds, micros, caplen, origlen))
        self.parts.append(data)
        return self

    def raw(self, data):
        self.parts.append(data)
        return self

    def bytes(self):
        return b"".join(self.parts)


class Pcapng:
    """A pcapng file, little-endian, built block by block."""

    def __init__(self):
        self.parts = []

    def block(self, kind, body, length=None, length_delta=0):
        """`length` or `length_delta` make the block's length fields lie."""
        body += b"\0" * (-len(body) % 4)
        total = (12 + len(body) if length is None else length) + length_delta
        self.parts.append(struct.pack("<II", kind, total) + body + struct.pack("<I", total))
        return self

    def section(self, section_length=-1):
        return self.block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, section_length))

    def interface(self, linktype=LINKTYPE_ETHERNET, snaplen=0):
        return self.block(0x00000001, struct.pack("<HHI", linktype, 0, snaplen))

    def packet(self, data, interface=0, micros=1_700_000_000_000_000, length=None,
               length_delta=0):
        body = struct.pack("<IIIII", interface, micros >> 32, micros & 0xFFFFFFFF, len(data),
                           len(data)) + data
        return self.block(0x00000006, body, length, length_delta)

    def raw(self, data):
        self.parts.append(data)
        return self

    def bytes(self):
        return b"".join(self.parts)


def tcp_frame(client, server, sport, dport, seq, ack, flags, payload=b"", window=65535,
              options=b"", data_offset=None):
    """An Ethernet + IPv4 + TCP frame."""
    segment = tcp(sport, dport, seq, ack, flags, window, payload, options, data_offset)
    return ethernet(ETH_IPV4, ipv4(client, server, PROTO_TCP, segment))


def handshake_and_data(pcap, client, server, sport, seconds, packets):
    """A connection: handshake, then `packets` data segments each acknowledged."""
    elapsed = 0
    seq_c, seq_s = 1000, 5000

    def add(frame):
        nonlocal elapsed
        pcap.add(frame, seconds + elapsed // 1_000_000, elapsed % 1_000_000)
        elapsed += 10

    add(tcp_frame(client, server, sport, 80, seq_c, 0, SYN))
    add(tcp_frame(server, client, 80, sport, seq_s, seq_c + 1, SYN | ACK))
    add(tcp_frame(client, server, sport, 80, seq_c + 1, seq_s + 1, ACK))
    seq_c += 1
    for _ in range(packets // 2):
        add(tcp_frame(client, server, sport, 80, seq_c, seq_s + 1, PSH | ACK, b"x" * 10))
        seq_c += 10
        add(tcp_frame(server, client, 80, sport, seq_s + 1, seq_c, ACK))


def fragmented_capture(datagrams, pieces, shuffle_seed):
    """`datagrams` TCP segments, each cut into `pieces` 8-byte IPv4 fragments,
    the fragments of each datagram in random order."""
    pcap = Pcap()
    shuffler = random.Random(shuffle_seed)
    for number in range(datagrams):
        payload_length = pieces * 8 - 20
        segment = tcp(40000, 80, 1 + number * payload_length, 1, PSH | ACK,
                      payload=bytes(payload_length))
        order = list(range(pieces))
        shuffler.shuffle(order)
        for piece in order:
            chunk = segment[piece * 8:piece * 8 + 8]
            packet = ipv4("192.0.2.1", "192.0.2.2", PROTO_TCP, chunk, ident=100 + number,
                          offset=piece * 8, more=piece + 1 < pieces)
            pcap.add(ethernet(ETH_IPV4, packet))
    return pcap.bytes()
