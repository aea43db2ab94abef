#pragma once

#include "bithumbticker/fakeexchange.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace ticker::test {

// The recording and replay tests of both APIs: a loopback exchange with no stream of its own
// (only scripted trades) and a temporary folder for the files.
class RecordingTest : public ::testing::TestWithParam<ApiVersion>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(exchange.listen());
        exchange.setStreamInterval(0);
    }

    QTemporaryDir dir;
    FakeExchange exchange;
};

} // namespace ticker::test
