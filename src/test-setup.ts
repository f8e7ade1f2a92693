// Unit tests run in happy-dom, which has no IndexedDB: give Dexie an in-memory one.
import 'fake-indexeddb/auto';
