// Glue's errors in AWS's words, built from the resource they are about. Glue answers a missing entity with
// EntityNotFoundException whatever its kind, and names only databases, tables and crawlers in the message.

import { ServiceError } from '../../protocols/errors.js';

export const databaseNotFound = (name: string) => new ServiceError('EntityNotFoundException', `Database ${name} not found.`);

export const tableNotFound = (name: string) => new ServiceError('EntityNotFoundException', `Table ${name} not found.`);

export const partitionNotFound = () => new ServiceError('EntityNotFoundException', 'Cannot find partition.');

export const tableVersionNotFound = () => new ServiceError('EntityNotFoundException', 'Version not found.');

/** GetCrawler, UpdateCrawler and DeleteCrawler name a missing crawler's entry; StartCrawler and StopCrawler the crawler. */
export const crawlerEntryNotFound = (name: string) => new ServiceError('EntityNotFoundException', `Crawler entry with name ${name} does not exist`);

export const crawlerNotFound = (name: string) => new ServiceError('EntityNotFoundException', `Crawler with name ${name} does not exist`);

export const resourceNotFound = (arn: string) => new ServiceError('EntityNotFoundException', `Resource ${arn} not found.`);

export const databaseExists = () => new ServiceError('AlreadyExistsException', 'Database already exists.');

export const tableExists = () => new ServiceError('AlreadyExistsException', 'Table already exists.');

export const partitionExists = () => new ServiceError('AlreadyExistsException', 'Partition already exists.');

export const crawlerExists = (name: string) => new ServiceError('AlreadyExistsException', `Crawler with name ${name} already exists`);

export const invalidInput = (message: string) => new ServiceError('InvalidInputException', message);

export const invalidNextToken = () => invalidInput('Invalid pagination token.');

export const invalidPartitionExpression = () => invalidInput('Invalid partition expression!');

/** A partition value that cannot be read as its key's numeric type (Glue answers InvalidStateException). */
export const notAnInteger = (value: string) => new ServiceError('InvalidStateException', `For input string: "${value}" is not an integer.`);

export const roleNotAssumable = () => invalidInput("Service is unable to assume provided role. Please verify role's TrustPolicy");

export const crawlerRunning = (name: string) => new ServiceError('CrawlerRunningException', `Crawler with name ${name} has already started`);

export const crawlerRunningNoDelete = (name: string) => new ServiceError('CrawlerRunningException', `Crawler with name ${name} is running and cannot be deleted.`);

export const crawlerRunningNoUpdate = () => invalidInput('Cannot update Crawler while running. Please stop crawl or wait until it completes to update.');

export const crawlerNotRunning = (name: string) => new ServiceError('CrawlerNotRunningException', `Crawler with name ${name} isn't running.`);

export const crawlerStopping = (name: string) => new ServiceError('CrawlerStoppingException', `Crawler with name ${name} is stopping.`);

export const tooManyTags = () => invalidInput('Exceeded maximum number of tags allowed (50).');

/** Features of the real service the sandbox does not emulate: refused clearly rather than silently ignored. */
export const notEmulated = (what: string) => invalidInput(`The sandbox does not emulate ${what}.`);
