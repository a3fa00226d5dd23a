#pragma once

#include <string>
#include <vector>

namespace tcpladder {

// The files of a rotation set in time order: directories stand for the
// regular files in them (not hidden ones, not recursively); all files are
// ordered by the time of their first packet, then by name. A file that
// cannot be opened keeps its place by name, so that loading it names the
// problem.
std::vector<std::string> captureSetFiles(const std::vector<std::string>& arguments);

} // namespace tcpladder
