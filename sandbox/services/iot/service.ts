// AWS IoT Core's control plane over restJson1 (signing name `iot`): things, certificates signed by
// the sandbox CA, policies and their versions, attachments, the endpoint, topic rules and tags. Its
// start() also brings up the MQTT broker and the rules engine (sandbox/iot/).

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { startIotRuntime } from './runtime.js';
import { attachPolicy } from './operations/attach-policy.js';
import { attachThingPrincipal } from './operations/attach-thing-principal.js';
import { createKeysAndCertificate } from './operations/create-keys-and-certificate.js';
import { createPolicy } from './operations/create-policy.js';
import { createPolicyVersion } from './operations/create-policy-version.js';
import { createThing } from './operations/create-thing.js';
import { createTopicRule } from './operations/create-topic-rule.js';
import { deleteCertificate } from './operations/delete-certificate.js';
import { deletePolicy } from './operations/delete-policy.js';
import { deletePolicyVersion } from './operations/delete-policy-version.js';
import { deleteThing } from './operations/delete-thing.js';
import { deleteTopicRule } from './operations/delete-topic-rule.js';
import { describeCertificate } from './operations/describe-certificate.js';
import { describeEndpoint } from './operations/describe-endpoint.js';
import { describeThing } from './operations/describe-thing.js';
import { detachPolicy } from './operations/detach-policy.js';
import { detachThingPrincipal } from './operations/detach-thing-principal.js';
import { disableTopicRule } from './operations/disable-topic-rule.js';
import { enableTopicRule } from './operations/enable-topic-rule.js';
import { getPolicy } from './operations/get-policy.js';
import { getPolicyVersion } from './operations/get-policy-version.js';
import { getTopicRule } from './operations/get-topic-rule.js';
import { listAttachedPolicies } from './operations/list-attached-policies.js';
import { listCertificates } from './operations/list-certificates.js';
import { listPolicies } from './operations/list-policies.js';
import { listPolicyVersions } from './operations/list-policy-versions.js';
import { listPrincipalThings } from './operations/list-principal-things.js';
import { listTagsForResource } from './operations/list-tags-for-resource.js';
import { listTargetsForPolicy } from './operations/list-targets-for-policy.js';
import { listThingPrincipals } from './operations/list-thing-principals.js';
import { listThings } from './operations/list-things.js';
import { listTopicRules } from './operations/list-topic-rules.js';
import { registerCertificateWithoutCA } from './operations/register-certificate-without-ca.js';
import { replaceTopicRule } from './operations/replace-topic-rule.js';
import { setDefaultPolicyVersion } from './operations/set-default-policy-version.js';
import { tagResource } from './operations/tag-resource.js';
import { untagResource } from './operations/untag-resource.js';
import { updateCertificate } from './operations/update-certificate.js';

export const service = defineService({
  name: 'iot',
  signingName: 'iot',
  // So an unsigned call is still recognised as IoT's, and refused as IoT refuses it.
  pathPrefixes: ['/things', '/policies', '/certificates', '/rules', '/target-policies', '/keys-and-certificate', '/endpoint'],
  protocols: ['restJson1'],
  validationCode: 'InvalidRequestException',
  memberNaming: 'asIs',
  operations: [
    createThing,
    describeThing,
    listThings,
    deleteThing,
    createKeysAndCertificate,
    registerCertificateWithoutCA,
    describeCertificate,
    updateCertificate,
    listCertificates,
    deleteCertificate,
    createPolicy,
    getPolicy,
    listPolicies,
    deletePolicy,
    createPolicyVersion,
    getPolicyVersion,
    listPolicyVersions,
    setDefaultPolicyVersion,
    deletePolicyVersion,
    attachPolicy,
    detachPolicy,
    listAttachedPolicies,
    listTargetsForPolicy,
    attachThingPrincipal,
    detachThingPrincipal,
    listThingPrincipals,
    listPrincipalThings,
    describeEndpoint,
    createTopicRule,
    getTopicRule,
    listTopicRules,
    replaceTopicRule,
    enableTopicRule,
    disableTopicRule,
    deleteTopicRule,
    tagResource,
    untagResource,
    listTagsForResource,
  ],
});

export async function start(sandbox: Sandbox): Promise<void> {
  sandbox.apis.iot = await startIotRuntime(sandbox);
}
