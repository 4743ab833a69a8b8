#!/usr/bin/env bash
# Refreshes docs/webchat.png, the web chat screenshot shown in the README, by running the end-to-end browser test
# (Microsoft Web Chat in headless Chromium against the bot on a loopback port) and keeping its screenshot.
# Needs Debian's chromium and Node.js/npm; ./test.sh installs them when it can.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/SecondOpinionBot.Tests --nologo \
  --filter "FullyQualifiedName~WebChatBrowserTests.APatientIsGreetedStartsTheJourneyAndFindsTheSameConversationAfterReload"
mkdir -p docs
cp test-artifacts/webchat-journey.png docs/webchat.png
echo "Updated docs/webchat.png"
