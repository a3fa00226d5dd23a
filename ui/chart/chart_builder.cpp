#include "chart/chart_builder.h"

#include "chart/sequence_series.h"
#include "chart/throughput_series.h"
#include "chart/window_series.h"

namespace tcpladder::ui {

ConnectionChartData::ConnectionChartData(std::shared_ptr<const LoadedCapture> capture,
                                         std::uint32_t connection, SackReader::Reads sackReads)
    : m_capture(std::move(capture)), m_connection(connection),
      m_checkpoints(*m_capture, connection), m_timeIndex(m_capture->packets, connection),
      m_sack(*m_capture, connection, sackReads) {}

TimeNs ConnectionChartData::duration() const {
    const Connection& c = m_capture->connections[m_connection];
    return c.lastTime - c.firstTime;
}

Side ConnectionChartData::busierSide() const {
    const Connection& c = m_capture->connections[m_connection];
    return c.payloadBytes[kSideB] > c.payloadBytes[kSideA] ? kSideB : kSideA;
}

ChartRequest ConnectionChartData::request(Side sender) {
    ChartRequest request;
    request.capture = m_capture.get();
    request.connection = m_connection;
    request.checkpoints = &m_checkpoints;
    request.timeIndex = &m_timeIndex;
    request.sender = sender;
    request.begin = 0;
    // The last packet must fall inside [begin, end).
    request.end = duration() + 1;
    request.sack = m_capture->path.empty() ? nullptr : &m_sack;
    return request;
}

const std::vector<RttSample>& ConnectionChartData::rttSamples(Side sender) {
    std::unique_ptr<std::vector<RttSample>>& samples = m_rtt[sender];
    if (!samples)
        samples = std::make_unique<std::vector<RttSample>>(
            computeRttSamples(*m_capture, m_connection, sender));
    return *samples;
}

const SequenceBlocks& ConnectionChartData::sequenceBlocks(Side sender) {
    std::unique_ptr<SequenceBlocks>& blocks = m_blocks[sender];
    if (!blocks)
        blocks = std::make_unique<SequenceBlocks>(*m_capture, m_connection, sender);
    return *blocks;
}

ChartContent ConnectionChartData::build(ChartKind kind, ChartRequest request) {
    switch (kind) {
    case ChartKind::Sequence:
        request.blocks = &sequenceBlocks(request.sender);
        return buildSequenceChart(request);
    case ChartKind::Throughput:
        return buildThroughputChart(request);
    case ChartKind::Window:
        return buildWindowChart(request);
    case ChartKind::Rtt:
        request.rttSamples = &rttSamples(request.sender);
        return buildRttChart(request);
    case ChartKind::OneWayDelay:
        // Needs two capture points: built from a merge (one_way_delay_chart.h).
        return {};
    }
    return {};
}

} // namespace tcpladder::ui
