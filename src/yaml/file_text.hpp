// yaml/file_text.hpp — the text of a file the readers load (rules files, policy test files).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "yaml/limits.hpp"

namespace sla::yaml {

/// A file's whole text, or why it cannot be had.
struct FileText {
  std::optional<std::string> text;
  /// Empty on success: "no such file", "it is a directory", "it is a FIFO (named pipe), not a
  /// regular file", the system's reason ("Permission denied"), or the size over the limit.
  std::string error;
  bool too_large = false;  ///< the error is the size limit (SLA020), not an unreadable file

  explicit operator bool() const { return text.has_value(); }
  const std::string& operator*() const { return *text; }
};

/// Reads a regular file of at most `limit` bytes. Anything else is refused before a byte is
/// read: a FIFO would block the load forever, a device such as /dev/zero would be read until
/// memory runs out, a directory has no text. Never blocks on the file and never throws.
FileText read_file_text(const std::string& path, std::size_t limit = limits::kMaxFileBytes);

/// A path joined to the directory of the file that names it ("rules/main.yaml" naming
/// "calendars/cn.yaml" is "rules/calendars/cn.yaml"); absolute paths stay as they are.
std::string relative_to(const std::string& from_file, const std::string& path);

}  // namespace sla::yaml
