# Install the library, headers and CLI, and export sla::sla so that a consumer can write
#   find_package(sla CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE sla::sla)
include(CMakePackageConfigHelpers)

set(SLA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/sla)
install(TARGETS sla EXPORT slaTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/sla DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/sla/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/sla)
if(TARGET sla_cli)
  install(TARGETS sla_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(EXPORT slaTargets NAMESPACE sla:: DESTINATION ${SLA_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/slaConfig.cmake.in
  ${PROJECT_BINARY_DIR}/slaConfig.cmake INSTALL_DESTINATION ${SLA_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/slaConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/slaConfig.cmake ${PROJECT_BINARY_DIR}/slaConfigVersion.cmake
        DESTINATION ${SLA_CMAKE_DIR})
