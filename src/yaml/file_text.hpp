// yaml/file_text.hpp — the text of a file the readers load (rules files, policy test files).
#pragma once

#include <string>

#include "sla/parsed.hpp"

namespace sla::yaml {

/// The whole file, or why it cannot be had: "no such file", "it is a directory", the system's
/// reason ("Permission denied"), "read error".
Parsed<std::string> read_file_text(const std::string& path);

/// A path joined to the directory of the file that names it ("rules/main.yaml" naming
/// "calendars/cn.yaml" is "rules/calendars/cn.yaml"); absolute paths stay as they are.
std::string relative_to(const std::string& from_file, const std::string& path);

}  // namespace sla::yaml
