export * from './lookup';
export * from './load';
export { DIRECTORY_CODE, PORTAL_ID, isDirectoryData, type DirectoryData } from './data';
