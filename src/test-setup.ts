// Neither Node nor happy-dom has IndexedDB: give Dexie an in-memory one.
import 'fake-indexeddb/auto';
