// What lab 0's checks say, in English and Korean side by side: keep the two in step, with the same
// {{placeholders}}. Resource names, commands and AWS's own words stay as they are in both.

import { defineMessages } from '../../src/i18n/index.js';

const en = {
  thing: {
    title: 'The device is registered as an IoT thing',
    hint: 'IoT console → Manage → All devices → Things → Create things → one thing.',
    missing: 'There is no IoT thing {{wanted}} (the account has {{count}} thing(s){{some}}).',
    exists: 'Thing {{name}} exists.',
  },
  certificate: {
    title: 'The thing has an ACTIVE certificate',
    hint: 'Each device proves who it is with its own X.509 certificate, attached to its thing and ACTIVE.',
    none: 'No certificate is attached to thing {{thing}}.',
    noneHint: '{{create}}, then {{attach}}',
    inactive: 'The certificate of thing {{thing}} is {{status}}, so IoT refuses its connections.',
    active: 'Thing {{thing}} has ACTIVE certificate {{id}}….',
  },
  policy: {
    title: "The certificate's policy lets the device connect and publish",
    hint: 'Attach an IoT policy to the certificate (not to the thing) allowing iot:Connect, iot:Publish, iot:Subscribe and iot:Receive.',
    none: 'No IoT policy is attached to the certificate of {{thing}}, so IoT refuses everything it asks.',
    denied: "The certificate's policies deny ({{by}}) {{action}} on {{resource}}.",
    notAllowed: "The certificate's policies do not allow {{action}} on {{resource}}.",
    fix: 'Allow {{action}} on {{resource}} in policy {{policy}} (lab 0, step 3), e.g. with aws iot create-policy-version --set-as-default.',
    allowed: 'Policies {{policies}} let {{thing}} connect and publish to {{topic}}.',
  },
  saved: {
    title: 'The device certificate and key are saved for `lab device`',
    hint: 'Save the certificate as .lab/device/certificate.pem.crt and the private key as .lab/device/private.pem.key.',
    missing: "The device's certificate and private key are not in {{dir}}.",
    missingHint: 'Save the files you downloaded when creating the certificate as {{dir}}/certificate.pem.crt and {{dir}}/private.pem.key (a lost private key cannot be downloaded again: create a new certificate).',
    other: 'The certificate in {{dir}} is not the ACTIVE certificate of thing {{thing}}.',
    otherHint: "Save that certificate's files in {{dir}}, or attach the saved certificate to {{thing}} and activate it.",
    ok: '{{dir}} holds the ACTIVE certificate of {{thing}} and its key.',
  },
  publishing: {
    title: 'Readings of the right schema arrive on the device topic',
    hint1: 'Run `lab device` in another terminal and leave it running.',
    hint2: 'In the IoT console, the MQTT test client can subscribe to <prefix>/telemetry/# and show the messages.',
  },
} as const;

export const m = defineMessages('lab.00-device', en, {
  thing: {
    title: '기기가 IoT 사물로 등록되어 있습니다',
    hint: 'IoT 콘솔 → 관리 → 모든 디바이스 → 사물 → 사물 생성 → 단일 사물 생성.',
    missing: 'IoT 사물 {{wanted}}이(가) 없습니다 (계정에 사물 {{count}}개{{some}}).',
    exists: '사물 {{name}}이(가) 있습니다.',
  },
  certificate: {
    title: '사물에 ACTIVE 인증서가 있습니다',
    hint: '각 기기는 자신의 사물에 연결되고 ACTIVE 상태인 고유한 X.509 인증서로 자신을 증명합니다.',
    none: '사물 {{thing}}에 연결된 인증서가 없습니다.',
    noneHint: '{{create}} 실행 후 {{attach}}',
    inactive: '사물 {{thing}}의 인증서가 {{status}} 상태여서 IoT가 연결을 거부합니다.',
    active: '사물 {{thing}}에 ACTIVE 인증서 {{id}}…이(가) 있습니다.',
  },
  policy: {
    title: '인증서의 정책이 기기의 연결과 게시를 허용합니다',
    hint: '사물이 아닌 인증서에 iot:Connect, iot:Publish, iot:Subscribe, iot:Receive를 허용하는 IoT 정책을 연결하세요.',
    none: '{{thing}}의 인증서에 연결된 IoT 정책이 없어 IoT가 모든 요청을 거부합니다.',
    denied: '인증서의 정책이 {{resource}}에 대한 {{action}}을(를) 거부합니다 ({{by}}).',
    notAllowed: '인증서의 정책이 {{resource}}에 대한 {{action}}을(를) 허용하지 않습니다.',
    fix: '정책 {{policy}}에서 {{resource}}에 대한 {{action}}을(를) 허용하세요 (실습 0, 3단계). 예: aws iot create-policy-version --set-as-default.',
    allowed: '정책 {{policies}}이(가) {{thing}}의 연결과 {{topic}}(으)로의 게시를 허용합니다.',
  },
  saved: {
    title: '`lab device`용으로 기기 인증서와 키가 저장되어 있습니다',
    hint: '인증서는 .lab/device/certificate.pem.crt로, 프라이빗 키는 .lab/device/private.pem.key로 저장하세요.',
    missing: '기기의 인증서와 프라이빗 키가 {{dir}}에 없습니다.',
    missingHint: '인증서를 만들 때 내려받은 파일을 {{dir}}/certificate.pem.crt와 {{dir}}/private.pem.key로 저장하세요 (잃어버린 프라이빗 키는 다시 내려받을 수 없으니 새 인증서를 만드세요).',
    other: '{{dir}}의 인증서는 사물 {{thing}}의 ACTIVE 인증서가 아닙니다.',
    otherHint: '그 인증서의 파일을 {{dir}}에 저장하거나, 저장된 인증서를 {{thing}}에 연결하고 활성화하세요.',
    ok: '{{dir}}에 {{thing}}의 ACTIVE 인증서와 키가 있습니다.',
  },
  publishing: {
    title: '올바른 스키마의 측정값이 기기 주제에 도착합니다',
    hint1: '다른 터미널에서 `lab device`를 실행한 채로 두세요.',
    hint2: 'IoT 콘솔의 MQTT 테스트 클라이언트에서 <prefix>/telemetry/#을(를) 구독하면 메시지를 볼 수 있습니다.',
  },
});
