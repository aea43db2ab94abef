# ctest translations_complete: runs lupdate over the app's sources into copies of the .ts
# files and fails if any message is new or changed (unfinished) or gone (vanished), so no
# string reaches users untranslated. Fix: `cmake --build build --target update_translations`,
# then translate what it marks unfinished (Qt Linguist, or the .ts by hand).
# Inputs: LUPDATE, SOURCE_DIR, INCLUDE_DIR, TS_DIR, WORK_DIR.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(failed FALSE)
foreach(language ko en)
    set(name bithumbticker_${language}.ts)
    file(COPY "${TS_DIR}/${name}" DESTINATION "${WORK_DIR}")
    set(extra)
    if(language STREQUAL "en")
        set(extra -pluralonly) # English needs only its plural forms
    endif()
    execute_process(
        COMMAND "${LUPDATE}" "${SOURCE_DIR}" -I "${INCLUDE_DIR}" -locations none
                -source-language en -silent ${extra} -ts "${WORK_DIR}/${name}"
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}: ${result}")
    endif()
    file(STRINGS "${WORK_DIR}/${name}" lines ENCODING UTF-8)
    set(source "")
    foreach(line IN LISTS lines)
        if(line MATCHES "<source>(.*)</source>")
            set(source "${CMAKE_MATCH_1}")
        elseif(line MATCHES "type=\"(unfinished|vanished|obsolete)\"")
            message(SEND_ERROR "${name}: ${CMAKE_MATCH_1}: ${source}")
            set(failed TRUE)
        elseif(line MATCHES "<(translation|numerusform)></")
            message(SEND_ERROR "${name}: empty translation: ${source}")
            set(failed TRUE)
        endif()
    endforeach()
endforeach()
if(failed)
    message(FATAL_ERROR "translations out of date: run `cmake --build build --target "
        "update_translations` and finish every unfinished message")
endif()
message(STATUS "every message has a finished translation in ko and en")
