<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>ticker::AlertsDialog</name>
    <message>
        <location filename="../../src/app/alertsdialog.cpp" line="+24"/>
        <source>Alerts</source>
        <translation>알림</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Remove</source>
        <translation>삭제(&amp;R)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>BTC_KRW&gt;135000000, BTC_KRW&lt;120000000 or BTC_KRW%5/10m</source>
        <translation>BTC_KRW&gt;135000000, BTC_KRW&lt;120000000 또는 BTC_KRW%5/10m</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A fired alert re-arms once the price is back this far past its threshold</source>
        <translation>울린 알림은 가격이 기준가에서 이만큼 되돌아가면 다시 켜집니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-arm &amp;band:</source>
        <translation>재설정 폭(&amp;B):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…or once this long has passed since it fired</source>
        <translation>…또는 울린 뒤 이 시간이 지나면</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Snooze:</source>
        <translation>다시 알림(&amp;S):</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 · this run only</source>
        <translation>%1 · 이번 실행만</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From --alert: watched for this run, not saved</source>
        <translation>--alert로 추가: 이번 실행에만 감시하며 저장하지 않음</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not an alert: %1</source>
        <translation>알림 형식이 아님: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already watched</source>
        <translation>이미 감시 중</translation>
    </message>
</context>
<context>
    <name>ticker::CompactWindow</name>
    <message>
        <location filename="../../src/app/compactwindow.cpp" line="+25"/>
        <source>Bithumb Ticker — compact</source>
        <translation>빗썸 시세 — 작은 창</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>KRW · stale</source>
        <translation>KRW · 지연</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag to move · double-click for the full window · right-click for more</source>
        <translation>끌어서 이동 · 두 번 클릭하면 전체 창 · 오른쪽 클릭으로 메뉴</translation>
    </message>
</context>
<context>
    <name>ticker::DesktopShell</name>
    <message>
        <location filename="../../src/app/desktopshell.cpp" line="+57"/>
        <source>&amp;Full window</source>
        <translation>전체 창(&amp;F)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+3"/>
        <source>&amp;Hide window</source>
        <translation>창 숨기기(&amp;H)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Show window</source>
        <translation>창 보이기(&amp;S)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Close to &amp;tray</source>
        <translation>닫으면 트레이로(&amp;T)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Price in the tray icon</source>
        <translation>트레이 아이콘에 가격 표시(&amp;P)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Translucent compact window</source>
        <translation>반투명한 작은 창(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ticker::LanguageMenu</name>
    <message>
        <location filename="../../src/app/languagemenu.cpp" line="+16"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Applies after a restart</source>
        <translation>다시 시작하면 적용됩니다</translation>
    </message>
</context>
<context>
    <name>ticker::MainWindow</name>
    <message>
        <location filename="../../src/app/main.cpp" line="+349"/>
        <source>Server error %1: %2</source>
        <translation>서버 오류 %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/app/mainwindow.cpp" line="+57"/>
        <source>Bithumb Ticker — DEMO</source>
        <translation>빗썸 시세 — 데모</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bithumb Ticker</source>
        <translation>빗썸 시세</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Type a symbol, a Korean or English name, or 초성 (ㅂㅌ), then ↓ and Enter</source>
        <translation>심볼, 한글 또는 영문 이름, 초성(ㅂㅌ)을 입력한 뒤 ↓와 Enter</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>5m</source>
        <translation>5분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1h</source>
        <translation>1시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>24h</source>
        <translation>24시간</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>● Record</source>
        <translation>● 기록</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record every frame to a file (replay it with --replay)</source>
        <translation>받은 모든 프레임을 파일에 기록합니다 (--replay로 재생)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>DEMO · simulated prices, not Bithumb</source>
        <translation>데모 · 빗썸 시세가 아닌 모의 시세</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record…</source>
        <translation>기록…(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop recording</source>
        <translation>기록 중지(&amp;S)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compact mode</source>
        <translation>작은 창 모드(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch &amp;market</source>
        <translation>마켓 바꾸기(&amp;M)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Alerts</source>
        <translation>알림(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Alerts…</source>
        <translation>알림…(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Recording stopped: %1</source>
        <translation>기록 중단: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not recording: %1</source>
        <translation>기록하지 못함: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recorded %1 to %2</source>
        <translation>%2에 %1 기록함</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Record to</source>
        <translation>기록할 파일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recordings (*.jsonl.gz *.jsonl)</source>
        <translation>기록 파일 (*.jsonl.gz *.jsonl)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>● Recording %1 · %2</source>
        <translation>● 기록 중 %1 · %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 is in the watchlist</source>
        <translation>%1은(는) 관심 목록에 있습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add %1 to the watchlist</source>
        <translation>%1 관심 목록에 추가</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is not a market: write it like BTC_KRW</source>
        <translation>“%1”은(는) 마켓이 아닙니다: BTC_KRW처럼 입력하세요</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not listed on Bithumb</source>
        <translation>%1은(는) 빗썸에 상장되어 있지 않습니다</translation>
    </message>
</context>
<context>
    <name>ticker::MarketListModel</name>
    <message>
        <location filename="../../src/app/marketlistmodel.cpp" line="+13"/>
        <source>⚠ Caution</source>
        <translation>⚠ 투자유의</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Bithumb flags this market for caution (투자유의)</source>
        <translation>빗썸이 투자유의 종목으로 지정한 마켓입니다</translation>
    </message>
</context>
<context>
    <name>ticker::MarketPicker</name>
    <message>
        <location filename="../../src/app/marketpicker.cpp" line="+124"/>
        <source>Market: BTC, 비트코인, Bitcoin, ㅂㅌ…</source>
        <translation>마켓 검색: BTC, 비트코인, Bitcoin, ㅂㅌ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a symbol (BTC, KRW-BTC), a Korean or English name, or its initial consonants (ㅂㅌ); ↓ and Enter to pick</source>
        <translation>심볼(BTC, KRW-BTC), 한글 또는 영문 이름, 초성(ㅂㅌ)으로 검색하고 ↓와 Enter로 선택하세요</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All markets</source>
        <translation>전체 마켓</translation>
    </message>
    <message>
        <location line="+185"/>
        <source>%1 is not listed on Bithumb</source>
        <translation>%1은(는) 빗썸에 상장되어 있지 않습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No market is called “%1”: type a symbol (BTC or KRW-BTC), a Korean or English name, or its initial consonants (ㅂㅌ)</source>
        <translation>“%1”(이)라는 마켓이 없습니다: 심볼(BTC 또는 KRW-BTC), 한글 또는 영문 이름, 초성(ㅂㅌ)으로 입력하세요</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>“%1” matches %n markets: pick one with ↓ and Enter</source>
        <translation>
            <numerusform>“%1”에 해당하는 마켓이 %n개입니다: ↓와 Enter로 하나를 고르세요</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ticker::Notifier</name>
    <message>
        <location filename="../../src/app/notifier.cpp" line="+68"/>
        <source>Bithumb Ticker</source>
        <translation>빗썸 시세</translation>
    </message>
</context>
<context>
    <name>ticker::Presentation</name>
    <message>
        <location filename="../../src/app/presentation.cpp" line="+40"/>
        <source>just now</source>
        <translation>방금 전</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n초 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n분 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n시간 전</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>now</source>
        <translation>지금</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n초</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n분</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n시간</numerusform>
        </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>no longer listed</source>
        <translation>거래지원 종료</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting for %1…</source>
        <translation>%1 시세 기다리는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no tick yet</source>
        <translation>아직 체결 없음</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no data from Bithumb for %1 — is it listed?</source>
        <translation>빗썸에서 %1 시세가 오지 않습니다 — 상장된 마켓인가요?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>last trade %1</source>
        <translation>마지막 체결 %1</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+39"/>
        <source>stale</source>
        <translation>지연</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No trade since %1: the last price traded</source>
        <translation>마지막 체결가입니다 (%1 체결, 이후 체결 없음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not live: this is the last price received, traded %1</source>
        <translation>연결 끊김: 마지막으로 받은 가격입니다 (%1 체결)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>TLS: %1</source>
        <translation>TLS 오류: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connect timed out</source>
        <translation>연결 시간 초과</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no answer from the server</source>
        <translation>서버 응답 없음</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>closed by the server (%1)</source>
        <translation>서버가 연결을 닫음 (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed by the server: %1</source>
        <translation>서버가 연결을 닫음: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the network is back</source>
        <translation>네트워크 연결 복구</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the computer woke up</source>
        <translation>절전 모드에서 깨어남</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2 %3
%4</source>
        <translation>%1 %2 %3
%4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Alert %1</source>
        <translation>알림 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>empty</source>
        <translation>비어 있음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no &gt;, &lt; or %</source>
        <translation>&gt;, &lt;, % 가 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no market before the condition; write BTC_KRW or KRW-BTC</source>
        <translation>조건 앞에 마켓이 없음: BTC_KRW 또는 KRW-BTC처럼 쓰세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the price must be a plain positive decimal, like 135000000</source>
        <translation>가격은 135000000처럼 양의 십진수로 쓰세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the move must be a plain positive percent, at most 1000</source>
        <translation>변동률은 1000 이하의 양의 퍼센트로 쓰세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a move needs a window, like %5/10m</source>
        <translation>변동률에는 %5/10m처럼 기간이 필요합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the window must be a whole number with s, m or h, at most 24h</source>
        <translation>기간은 s, m, h를 붙인 정수로, 24h 이하로 쓰세요</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not connected</source>
        <translation>연결 안 됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting to %1…</source>
        <translation>%1에 연결 중…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>● Live</source>
        <translation>● 실시간</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline · waiting for the network</source>
        <translation>오프라인 · 네트워크를 기다리는 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link lost: %1 · reconnecting in %2 s</source>
        <translation>연결 끊김: %1 · %2초 후 다시 연결</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rate-limited by Bithumb · retrying in %1 min</source>
        <translation>빗썸 요청 제한 · %1분 후 다시 시도</translation>
    </message>
</context>
<context>
    <name>ticker::PriceChart</name>
    <message>
        <location filename="../../src/app/pricechart.cpp" line="+547"/>
        <source>Waiting for the first tick…</source>
        <translation>첫 체결을 기다리는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for more ticks…</source>
        <translation>체결을 더 기다리는 중…</translation>
    </message>
</context>
<context>
    <name>ticker::StatusBadgeWords</name>
    <message>
        <location filename="../../src/app/marketstatustext.cpp" line="+33"/>
        <source>Trading suspended</source>
        <translation>거래 정지</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delisting on %1</source>
        <translation>%1 거래지원 종료 예정</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Market state: %1</source>
        <translation>마켓 상태: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Caution (투자유의)</source>
        <translation>투자유의</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bithumb reports: %1</source>
        <translation>빗썸 안내: %1</translation>
    </message>
</context>
<context>
    <name>ticker::WatchlistModel</name>
    <message>
        <location filename="../../src/app/watchlistmodel.cpp" line="+410"/>
        <source>Market</source>
        <translation>마켓</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>전일대비</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value 24h</source>
        <translation>거래대금</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <translation>경과</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>24h</source>
        <translation>24시간</translation>
    </message>
</context>
<context>
    <name>ticker::WatchlistView</name>
    <message>
        <location filename="../../src/app/watchlistview.cpp" line="+153"/>
        <source>Show %1</source>
        <translation>%1 보기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove from watchlist</source>
        <translation>관심 목록에서 삭제</translation>
    </message>
</context>
</TS>
