#pragma once

#include "analysis/sequence_state.h"
#include "chart/chart_content.h"
#include "chart/chart_request.h"
#include "chart/rtt_chart.h"
#include "chart/sack_reader.h"
#include "chart/sequence_blocks.h"
#include "load/loaded_capture.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace tcpladder::ui {

// What the charts of one connection share across zooms and tabs: the
// sequence checkpoints (built when the connection is opened), the sequence
// chart's block summaries and the RTT samples per direction (each built the
// first time a chart of that direction needs them) and the SACK blocks read
// so far.
class ConnectionChartData {
public:
    ConnectionChartData(std::shared_ptr<const LoadedCapture> capture, std::uint32_t connection,
                        SackReader::Reads sackReads = SackReader::Reads::Now);

    const LoadedCapture& capture() const { return *m_capture; }
    const std::shared_ptr<const LoadedCapture>& sharedCapture() const { return m_capture; }
    std::uint32_t connection() const { return m_connection; }
    TimeNs duration() const;
    // The side that sent more payload: the direction worth charting first.
    Side busierSide() const;

    // A request over the whole connection in the given direction; callers
    // narrow the range and set the pixel size.
    ChartRequest request(Side sender);
    ChartContent build(ChartKind kind, ChartRequest request);
    // Computed on first use, then kept.
    const std::vector<RttSample>& rttSamples(Side sender);
    const SequenceBlocks& sequenceBlocks(Side sender);
    SackReader& sackReader() { return m_sack; }

private:
    std::shared_ptr<const LoadedCapture> m_capture;
    std::uint32_t m_connection;
    SequenceCheckpoints m_checkpoints;
    PacketTimeIndex m_timeIndex;
    SackReader m_sack;
    std::unique_ptr<std::vector<RttSample>> m_rtt[2];
    std::unique_ptr<SequenceBlocks> m_blocks[2];
};

} // namespace tcpladder::ui
