#include "yaml/file_text.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sla::yaml {

namespace fs = std::filesystem;

Parsed<std::string> read_file_text(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Parsed<std::string>::failure("it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (!fs::exists(path, ec)) return Parsed<std::string>::failure("no such file");
    return Parsed<std::string>::failure(std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Parsed<std::string>::failure("read error");
  return Parsed<std::string>::success(text.str());
}

std::string relative_to(const std::string& from_file, const std::string& path) {
  const fs::path relative(path);
  if (relative.is_absolute()) return relative.lexically_normal().string();
  return (fs::path(from_file).parent_path() / relative).lexically_normal().string();
}

}  // namespace sla::yaml
