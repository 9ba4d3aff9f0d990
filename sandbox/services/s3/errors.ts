// S3's errors with AWS's exact codes, messages, statuses and the extra fields S3 puts in its <Error> document.

import { ServiceError } from '../../protocols/errors.js';

export const noSuchBucket = (bucket: string) => new ServiceError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });

export const noSuchKey = (key: string) => new ServiceError('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });

export const accessDenied = () => new ServiceError('AccessDenied', 'Access Denied', 403);

export const bucketAlreadyOwnedByYou = (bucket: string) =>
  new ServiceError('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409, { BucketName: bucket });

export const bucketAlreadyExists = (bucket: string) =>
  new ServiceError(
    'BucketAlreadyExists',
    'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    409,
    { BucketName: bucket },
  );

export const invalidBucketName = (bucket: string) => new ServiceError('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket });

export const bucketNotEmpty = (bucket: string) => new ServiceError('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { BucketName: bucket });

export const illegalLocationConstraint = (constraint: string | undefined) =>
  new ServiceError(
    'IllegalLocationConstraintException',
    `The ${constraint ?? 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    400,
  );

export const invalidLocationConstraint = (constraint: string) =>
  new ServiceError('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, { LocationConstraint: constraint });

export const noSuchTagSet = (bucket: string) => new ServiceError('NoSuchTagSet', 'The TagSet does not exist', 404, { BucketName: bucket });

export const invalidTag = (message: string) => new ServiceError('InvalidTag', message, 400);

export const malformedXml = () =>
  new ServiceError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);

export const invalidRange = (range: string, size: number) =>
  new ServiceError('InvalidRange', 'The requested range is not satisfiable', 416, { RangeRequested: range, ActualObjectSize: String(size) });

export const invalidArgument = (message: string, name: string, value: string | undefined) =>
  new ServiceError('InvalidArgument', message, 400, { ArgumentName: name, ArgumentValue: value ?? '' });

export const invalidRequest = (message: string) => new ServiceError('InvalidRequest', message, 400);

export const keyTooLong = (size: number) => new ServiceError('KeyTooLongError', 'Your key is too long', 400, { Size: String(size), MaxSizeAllowed: '1024' });

export const badContentMd5 = (expected: string, calculated: string) =>
  new ServiceError('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400, { ExpectedDigest: expected, CalculatedDigest: calculated });

export const invalidContentMd5 = (value: string) => new ServiceError('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400, { 'Content-MD5': value });

export const badChecksum = (algorithm: string) => new ServiceError('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`, 400);

export const invalidChecksumValue = (header: string) => new ServiceError('InvalidRequest', `Value for ${header} header is invalid.`, 400);

export const multipleChecksums = () =>
  new ServiceError('InvalidRequest', 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.', 400);

export const contentSha256Mismatch = (client: string, computed: string) =>
  new ServiceError('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400, {
    ClientComputedContentSHA256: client,
    S3ComputedContentSHA256: computed,
  });

export const incompleteBody = () => new ServiceError('IncompleteBody', 'The request body terminated unexpectedly', 400);

export const decodedLengthMismatch = () =>
  new ServiceError('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', 400);

export const noSuchUpload = (uploadId: string) =>
  new ServiceError('NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', 404, {
    UploadId: uploadId,
  });

export const invalidPart = (uploadId: string, partNumber: number, etag: string) =>
  new ServiceError(
    'InvalidPart',
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    400,
    { UploadId: uploadId, PartNumber: String(partNumber), ETag: etag },
  );

export const invalidPartOrder = (uploadId: string) =>
  new ServiceError('InvalidPartOrder', 'The list of parts was not in ascending order. The parts list must be specified in order by part number.', 400, {
    UploadId: uploadId,
  });

export const entityTooSmall = (size: number, minimum: number) =>
  new ServiceError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', 400, {
    ProposedSize: String(size),
    MinSizeAllowed: String(minimum),
  });

export const invalidPartNumber = (value: string | undefined) =>
  invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', value);

export const copyToItself = () =>
  invalidRequest(
    "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
  );

export const preconditionFailed = (condition: string) =>
  new ServiceError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, { Condition: condition });

/** A query subresource (?versioning, ?acl, ...) this sandbox does not serve. */
export const notImplemented = () => new ServiceError('NotImplemented', 'A header you provided implies functionality that is not implemented', 501);

export const missingIntegrityHeader = () => invalidRequest('Missing required header for this request: Content-MD5');

export const entityTooLarge = (size: number, maximum: number) =>
  new ServiceError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.', 400, { ProposedSize: String(size), MaxSizeAllowed: String(maximum) });
