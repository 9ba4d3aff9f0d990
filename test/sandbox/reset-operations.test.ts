// The sandbox operations `lab reset` needs beyond what the labs use: S3 ListObjectVersions (an
// unversioned bucket lists each object as its "null" version) and API Gateway DeleteDeployment.

import { describe, expect, it } from 'vitest';
import { CreateBucketCommand, DeleteObjectsCommand, ListObjectVersionsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  DeleteDeploymentCommand,
  DeleteStageCommand,
  GetDeploymentsCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import { useSandbox } from './support.js';

const sandbox = useSandbox();

describe('S3 ListObjectVersions', () => {
  it('lists every object of an unversioned bucket as its null version, page by page', async () => {
    const s3 = new S3Client({ ...sandbox.config(), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'versions-test' }));
    const keys = ['a/1.json', 'a/2.json', 'a/3.json', 'b/1.json', 'c.txt'];
    for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: 'versions-test', Key, Body: Key }));

    const seen: string[] = [];
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await s3.send(new ListObjectVersionsCommand({ Bucket: 'versions-test', MaxKeys: 2, KeyMarker, VersionIdMarker }));
      pages++;
      for (const v of page.Versions ?? []) {
        expect(v).toMatchObject({ VersionId: 'null', IsLatest: true, StorageClass: 'STANDARD' });
        expect(v.Size).toBe(v.Key!.length);
        seen.push(v.Key!);
      }
      expect(page.DeleteMarkers).toBeUndefined();
      if (!page.IsTruncated) break;
      expect(page.NextVersionIdMarker).toBe('null');
      KeyMarker = page.NextKeyMarker;
      VersionIdMarker = page.NextVersionIdMarker;
    }
    expect(seen).toEqual(keys);
    expect(pages).toBe(3);

    const rolled = await s3.send(new ListObjectVersionsCommand({ Bucket: 'versions-test', Delimiter: '/' }));
    expect(rolled.Versions?.map((v) => v.Key)).toEqual(['c.txt']);
    expect(rolled.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'b/']);

    // What an emptying tool does with the listing: delete each version by its id.
    const all = await s3.send(new ListObjectVersionsCommand({ Bucket: 'versions-test' }));
    await s3.send(new DeleteObjectsCommand({ Bucket: 'versions-test', Delete: { Objects: all.Versions!.map((v) => ({ Key: v.Key!, VersionId: v.VersionId })) } }));
    expect((await s3.send(new ListObjectsV2Command({ Bucket: 'versions-test' }))).KeyCount).toBe(0);
    s3.destroy();
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    const s3 = new S3Client({ ...sandbox.config(), forcePathStyle: true });
    await expect(s3.send(new ListObjectVersionsCommand({ Bucket: 'no-such-bucket-here' }))).rejects.toMatchObject({ name: 'NoSuchBucket' });
    s3.destroy();
  });
});

describe('API Gateway DeleteDeployment', () => {
  it('refuses while a stage serves the deployment, then deletes it', async () => {
    const apigw = new APIGatewayClient(sandbox.config());
    const api = await apigw.send(new CreateRestApiCommand({ name: 'deployments-test' }));
    const root = (await apigw.send(new GetResourcesCommand({ restApiId: api.id }))).items![0]!;
    await apigw.send(new PutMethodCommand({ restApiId: api.id, resourceId: root.id, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: root.id, httpMethod: 'GET', type: 'MOCK' }));
    const deployment = await apigw.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'test' }));

    await expect(apigw.send(new DeleteDeploymentCommand({ restApiId: api.id, deploymentId: deployment.id }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Active stages pointing to this deployment must be moved or deleted',
    });
    await apigw.send(new DeleteStageCommand({ restApiId: api.id, stageName: 'test' }));
    const deleted = await apigw.send(new DeleteDeploymentCommand({ restApiId: api.id, deploymentId: deployment.id }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect((await apigw.send(new GetDeploymentsCommand({ restApiId: api.id }))).items ?? []).toEqual([]);
    await expect(apigw.send(new DeleteDeploymentCommand({ restApiId: api.id, deploymentId: deployment.id }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid Deployment identifier specified',
    });
    apigw.destroy();
  });
});
