#include "yaml/file_text.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace sla::yaml {
namespace {

namespace fs = std::filesystem;

FileText failure(std::string why, bool too_large = false) {
  FileText out;
  out.error = std::move(why);
  out.too_large = too_large;
  return out;
}

// Why a file that exists is not read: every kind but a regular file.
std::string not_regular(mode_t mode) {
  if (S_ISDIR(mode)) return "it is a directory";
  const char* kind = S_ISFIFO(mode)   ? "a FIFO (named pipe)"
                     : S_ISCHR(mode)  ? "a character device"
                     : S_ISBLK(mode)  ? "a block device"
                     : S_ISSOCK(mode) ? "a socket"
                                      : "not a file";
  return fmt::format("it is {}, not a regular file (only regular files are read)", kind);
}

FileText too_large(std::size_t limit) {
  return failure(fmt::format("it is larger than {}", limits::size_text(limit)), true);
}

// Closes the descriptor on every path out.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

FileText read_file_text(const std::string& path, std::size_t limit) {
  if (path.find('\0') != std::string::npos) return failure("the file name holds a NUL byte");
  // Look before opening: open() itself blocks on a FIFO until a writer comes.
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    return failure(errno == ENOENT || errno == ENOTDIR ? std::string("no such file")
                                                       : std::string(std::strerror(errno)));
  if (!S_ISREG(info.st_mode)) return failure(not_regular(info.st_mode));
  // O_NONBLOCK: the path may have been replaced by a FIFO since stat(); fstat() says what was
  // opened, and that is what is read.
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
  if (file.fd < 0) return failure(std::strerror(errno));
  if (::fstat(file.fd, &info) != 0) return failure(std::strerror(errno));
  if (!S_ISREG(info.st_mode)) return failure(not_regular(info.st_mode));
  if (info.st_size < 0 || static_cast<std::uint64_t>(info.st_size) > limit) return too_large(limit);
  // The size is a hint (files under /proc report 0, a file may grow while read): read at most
  // one byte past the limit to know whether it is crossed.
  std::string text;
  text.resize(std::min<std::size_t>(static_cast<std::size_t>(info.st_size), limit) + 1);
  std::size_t have = 0;
  for (;;) {
    if (have == text.size()) {
      if (have > limit) return too_large(limit);
      text.resize(std::min(limit + 1, std::max<std::size_t>(2 * have, 4096)));
    }
    const ssize_t n = ::read(file.fd, text.data() + have, text.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return failure(fmt::format("read error: {}", std::strerror(errno)));
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
  }
  if (have > limit) return too_large(limit);
  text.resize(have);
  FileText out;
  out.text = std::move(text);
  return out;
}

std::string relative_to(const std::string& from_file, const std::string& path) {
  const fs::path relative(path);
  if (relative.is_absolute()) return relative.lexically_normal().string();
  return (fs::path(from_file).parent_path() / relative).lexically_normal().string();
}

}  // namespace sla::yaml
