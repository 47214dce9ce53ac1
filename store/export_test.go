package store

// AbandonForTest lets the file go the way a crash or kill -9 does: without
// the freelist Close writes. For tests of other packages.
func AbandonForTest(db *DB) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	err := db.bolt.Close()
	db.bolt = nil
	db.lock.release() // a process that dies lets its locks go
	db.lock = nil
	return err
}
