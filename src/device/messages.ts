// What the simulated device and its MQTT connections say (`lab device`, the listeners of the checks and
// the trace), English and Korean side by side; topics, payloads, client ids and AWS's own words stay.

import { defineMessages } from '../i18n/index.js';

const en = {
  run: {
    malformed: '(malformed on purpose)',
    connected: 'Device {{name}} connected to {{host}}:{{port}}; publishing to {{topic}} (Ctrl-C stops).',
    connectedTimes: 'Device {{name}} connected to {{host}}:{{port}}; publishing to {{topic}} {{times}} times (Ctrl-C stops).',
    stopped: 'Stopped after {{published}} message(s).',
    stoppedMalformed: 'Stopped after {{published}} message(s), {{malformed}} of them malformed.',
  },
  start: {
    noCertificate: 'No device certificate in {{dir}}.',
    noCertificateHint: 'Do lab 0 (save the certificate and private key there), or deploy its reference with `lab solve 0`.',
    closed: 'IoT closed the connection of {{name}}.',
    closedHint: 'IoT does this when the policy does not allow iot:Publish on {{topic}}, or another client connected with the same client id.',
  },
  connection: {
    refused: 'Nothing accepts MQTT connections at {{where}}.',
    refusedHint: 'Check the endpoint (aws iot describe-endpoint --endpoint-type iot:Data-ATS) and that port 8883 is not blocked on your network.',
    unresolved: 'Cannot resolve {{host}}.',
    unresolvedHint: 'Check your network connection and the region.',
    untrusted: 'The server at {{where}} did not present a certificate we trust ({{message}}).',
    untrustedHint: 'On AWS the trust anchor is Amazon Root CA 1 (assets/AmazonRootCA1.pem); pass another with --ca FILE if you must.',
    clientRefused: 'IoT refused client {{clientId}}: {{message}}.',
    closedEarly: 'The connection to {{where}} was closed before IoT accepted client {{clientId}} ({{message}}).',
    refusalHint:
      'IoT refuses a certificate that is not registered or not ACTIVE, has no policy attached, or whose policy does not allow iot:Connect on client/{{clientId}}. Run `lab check 0` to see which.',
  },
  websocket: {
    refused: 'Nothing accepts MQTT over WebSocket at {{where}}.',
    refusedHint: 'Check the region, and that outgoing port 443 is open on your network.',
    upgradeRefused: 'the server answered the WebSocket upgrade with HTTP {{status}}',
    closedUnaccepted: 'the connection was closed before IoT accepted it',
    signedRefused: 'IoT refused the signed WebSocket connection to {{where}} ({{message}}).',
    signedRefusedHint: 'Check that your AWS credentials are valid (aws sts get-caller-identity) and that the clock of this machine is right.',
    connectHint: 'Your credentials need iot:Connect on client/{{clientId}}.',
    closedEarly: 'The WebSocket connection to {{where}} was closed before IoT accepted client {{clientId}} ({{message}}).',
    closedEarlyHint: 'Check your network connection, then run this again.',
  },
  listen: {
    closedBeforeGranted: 'the connection closed before the subscription to {{filter}} was granted',
    subscriptionRefused: 'subscription to {{filter}} was refused',
  },
  noEndpointAddress: 'IoT DescribeEndpoint returned no address',
  reading: {
    notObject: 'is not a JSON object',
    noDeviceName: 'has no DEVICE_NAME string',
    noTimestamp: 'has no TIMESTAMP of the form yyyy-mm-ddThh:MM:SS',
    noInteger: 'has no integer {{field}}',
  },
};

export const td = defineMessages('device', en, {
  run: {
    malformed: '(일부러 잘못 만든 메시지)',
    connected: '기기 {{name}}이(가) {{host}}:{{port}}에 연결되었습니다. {{topic}}에 메시지를 발행합니다 (Ctrl-C로 멈춥니다).',
    connectedTimes: '기기 {{name}}이(가) {{host}}:{{port}}에 연결되었습니다. {{topic}}에 메시지를 {{times}}번 발행합니다 (Ctrl-C로 멈춥니다).',
    stopped: '메시지 {{published}}개를 보내고 멈췄습니다.',
    stoppedMalformed: '메시지 {{published}}개를 보내고 멈췄습니다. 그중 {{malformed}}개는 잘못된 메시지입니다.',
  },
  start: {
    noCertificate: '{{dir}}에 기기 인증서가 없습니다.',
    noCertificateHint: '실습 0을 진행해 인증서와 개인 키를 그곳에 저장하거나, `lab solve 0`으로 실습 0의 참조 솔루션을 배포하세요.',
    closed: 'IoT Core가 {{name}}의 연결을 끊었습니다.',
    closedHint: '정책이 {{topic}}에 대한 iot:Publish를 허용하지 않거나, 다른 클라이언트가 같은 클라이언트 ID로 연결하면 IoT Core가 연결을 끊습니다.',
  },
  connection: {
    refused: '{{where}}에서 MQTT 연결을 받아 주는 곳이 없습니다.',
    refusedHint: '엔드포인트(aws iot describe-endpoint --endpoint-type iot:Data-ATS)를 확인하고, 네트워크에서 8883 포트가 막혀 있지 않은지 확인하세요.',
    unresolved: '{{host}}의 주소를 찾을 수 없습니다.',
    unresolvedHint: '네트워크 연결과 리전을 확인하세요.',
    untrusted: '{{where}}의 서버가 신뢰할 수 있는 인증서를 제시하지 않았습니다 ({{message}}).',
    untrustedHint: 'AWS에서는 Amazon Root CA 1(assets/AmazonRootCA1.pem)이 신뢰 앵커입니다. 꼭 다른 인증서를 써야 한다면 --ca FILE로 지정하세요.',
    clientRefused: 'IoT Core가 클라이언트 {{clientId}}의 연결을 거부했습니다: {{message}}.',
    closedEarly: 'IoT Core가 클라이언트 {{clientId}}의 연결을 받아들이기 전에 {{where}} 연결이 닫혔습니다 ({{message}}).',
    refusalHint:
      'IoT Core는 등록되지 않았거나 ACTIVE 상태가 아닌 인증서, 정책이 연결되지 않은 인증서, 정책이 client/{{clientId}}에 대한 iot:Connect를 허용하지 않는 인증서를 거부합니다. 어느 경우인지는 `lab check 0`으로 확인하세요.',
  },
  websocket: {
    refused: '{{where}}에서 WebSocket을 통한 MQTT 연결을 받아 주는 곳이 없습니다.',
    refusedHint: '리전을 확인하고, 네트워크에서 바깥으로 나가는 443 포트가 열려 있는지 확인하세요.',
    upgradeRefused: '서버가 WebSocket 업그레이드 요청에 HTTP {{status}}(으)로 응답했습니다',
    closedUnaccepted: 'IoT Core가 연결을 받아들이기 전에 연결이 닫혔습니다',
    signedRefused: 'IoT Core가 {{where}}에 대한 서명된 WebSocket 연결을 거부했습니다 ({{message}}).',
    signedRefusedHint: 'AWS 자격 증명이 유효한지(aws sts get-caller-identity), 이 컴퓨터의 시계가 맞는지 확인하세요.',
    connectHint: '자격 증명에 client/{{clientId}}에 대한 iot:Connect 권한이 필요합니다.',
    closedEarly: 'IoT Core가 클라이언트 {{clientId}}의 연결을 받아들이기 전에 {{where}}에 대한 WebSocket 연결이 닫혔습니다 ({{message}}).',
    closedEarlyHint: '네트워크 연결을 확인한 뒤 다시 실행하세요.',
  },
  listen: {
    closedBeforeGranted: '{{filter}} 구독이 승인되기 전에 연결이 닫혔습니다',
    subscriptionRefused: '{{filter}} 구독이 거부되었습니다',
  },
  noEndpointAddress: 'IoT DescribeEndpoint가 주소를 돌려주지 않았습니다',
  reading: {
    notObject: 'JSON 객체가 아닙니다',
    noDeviceName: 'DEVICE_NAME 문자열이 없습니다',
    noTimestamp: 'yyyy-mm-ddThh:MM:SS 형식의 TIMESTAMP가 없습니다',
    noInteger: '정수 {{field}} 값이 없습니다',
  },
});
